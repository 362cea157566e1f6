package org.kdplayground.explorer;

import org.kdplayground.ui.I18n;
import org.kdplayground.ui.ViewLoader;

/** The explorer's view as the app loads it, on a model of the test's, for screen tests. */
final class ExplorerViews {

    private ExplorerViews() {
    }

    static ViewLoader.View<ExplorerController> load(ExplorerModel model, I18n i18n) {
        return new ViewLoader(i18n, type -> new ExplorerController(model, i18n)).load(ExplorerController.class);
    }
}
