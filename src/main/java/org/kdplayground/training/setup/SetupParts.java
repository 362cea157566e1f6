package org.kdplayground.training.setup;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.value.ObservableValue;

import org.kdplayground.download.DatasetDownloader;
import org.kdplayground.engine.EngineStatus;
import org.kdplayground.engine.NumericSetting;
import org.kdplayground.ui.I18n;
import org.kdplayground.ui.TaskExecutor;

/**
 * The set-up panel's state and what works beside it: the data preview (shown again whenever the data set, the test or
 * the labelled fraction changes, and after a download), Open CSV, the download offer and the summaries. The preview
 * and the table reader share one background thread, the download has its own; {@link #close} stops both.
 */
public final class SetupParts {

    private final ExecutorService previewThread = Executors.newSingleThreadExecutor(runnable -> {
        Thread t = new Thread(runnable, "dataset-preview");
        t.setDaemon(true);
        return t;
    });
    private final ExecutorService downloadThread = Executors.newSingleThreadExecutor(runnable -> {
        Thread t = new Thread(runnable, "dataset-download");
        t.setDaemon(true);
        return t;
    });
    private final RunSetup setup = new RunSetup();
    private final DataPreview preview = new DataPreview(TaskExecutor.on(previewThread));
    private final TableOpener opener = new TableOpener(setup, TaskExecutor.on(previewThread));
    private final DataDownload download;
    private final SetupSummaries summaries;
    private final I18n i18n;

    /** @param downloader fetches a missing IDX data set when the user asks (tests point it at a local server) */
    public SetupParts(I18n i18n, DatasetDownloader downloader) {
        this.i18n = i18n;
        download = new DataDownload(setup, downloader, TaskExecutor.on(downloadThread), i18n, this::showData);
        summaries = new SetupSummaries(i18n, setup, preview);
        var labelledFraction = setup.field(NumericSetting.LABELLED_FRACTION).valueProperty();
        setup.dataSpecProperty().addListener((obs, old, now) -> showData());
        labelledFraction.addListener((obs, old, now) -> showData());
        showData();
    }

    /** The preview of the set-up's data, with its labelled points marked as the students will see them. */
    private void showData() {
        var labelled = setup.field(NumericSetting.LABELLED_FRACTION).valueProperty().get();
        preview.show(setup.dataSpecProperty().get(), setup.testFraction(), labelled == null ? 1 : labelled.doubleValue());
    }

    /**
     * Why Start is disabled, or empty when it is not: what the drawn or opened data lacks, networks too large for this
     * machine, a field that does not read, or the engine not ready yet (in that order).
     */
    public StringBinding startBlockedReason(ObservableValue<EngineStatus> engineStatus) {
        var tooLarge = setup.networkProblemProperty();
        var dataProblem = setup.users().problemProperty();
        return Bindings.createStringBinding(() -> dataProblem.get() != null
                        ? i18n.formatNow(dataProblem.get().key(), dataProblem.get().args())
                        : tooLarge.get() != null ? i18n.formatNow("training_blocked_network", tooLarge.get().args())
                        : !setup.validProperty().get() ? i18n.get("training_blocked_invalid")
                        : !engineStatus.getValue().isReady() ? i18n.get("training_blocked_engine") : "",
                setup.validProperty(), dataProblem, tooLarge, engineStatus, i18n.table());
    }

    public RunSetup setup() {
        return setup;
    }

    public DataPreview preview() {
        return preview;
    }

    public TableOpener opener() {
        return opener;
    }

    public DataDownload download() {
        return download;
    }

    public SetupSummaries summaries() {
        return summaries;
    }

    /** Stops the preview's thread and any download, for a model thrown away before the app ends. */
    public void close() {
        previewThread.shutdownNow();
        download.cancel();
        downloadThread.shutdown();
    }
}
