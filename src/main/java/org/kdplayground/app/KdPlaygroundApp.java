package org.kdplayground.app;

import javafx.application.Application;
import javafx.stage.Stage;

/** The desktop app (placeholder until the shell lands). */
public final class KdPlaygroundApp extends Application {

    public static void launchApp(String[] args) {
        Application.launch(KdPlaygroundApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        stage.show();
    }
}
