package dev.berth.app.ui;

import javafx.stage.Stage;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/// The base of the UI tests that drive the real app: a user folder and a work folder per test, the app
/// opened through [AppHarness] (into `stage`), and its windows and executor closed after each test.
/// Test thread only, as FxRobot.
abstract class AppUiTest extends FxRobot {
    @TempDir Path userDir;
    @TempDir Path work;
    Stage stage;
    final AppHarness app = new AppHarness();

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void closeApp() throws Exception {
        app.close();
        afterAppClosed();
    }

    /// What a test started besides the app, stopped once the app is closed (a fake ingress, an engine).
    void afterAppClosed() throws Exception {}
}
