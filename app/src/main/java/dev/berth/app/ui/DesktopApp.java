package dev.berth.app.ui;

import dev.berth.app.Composition;
import dev.berth.app.ui.fx.CoalescingEventPipe;
import dev.berth.app.ui.fx.FxExecutor;
import dev.berth.app.ui.fx.VirtualThreadTaskExecutor;
import dev.berth.runner.session.RunOptions;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.CountDownLatch;

/// Entry of the desktop UI: starts the JavaFX toolkit and shows the start page. Returns when the last
/// window closes, after a running project has been stopped. Called from `Main` on the main thread.
public final class DesktopApp {
    private static final Logger LOG = LoggerFactory.getLogger(DesktopApp.class);

    private DesktopApp() {}

    public static void run(Composition composition) {
        var fx = new FxExecutor();
        var closed = new CountDownLatch(1);
        try (var tasks = new VirtualThreadTaskExecutor(fx)) {
            var services = new UiServices(tasks, new CoalescingEventPipe(fx, CoalescingEventPipe.DEFAULT_PERIOD_MILLIS),
                    RunOptions.DEFAULT_PORT, fx);
            // Exit is ours to decide: stopping a run at close needs the toolkit for its callbacks.
            Platform.setImplicitExit(false);
            Platform.startup(() -> {
                try {
                    var stage = new Stage();
                    open(stage, composition, services);
                    stage.showingProperty().addListener((o, was, showing) -> { if (!showing) closed.countDown(); });
                } catch (RuntimeException e) {
                    // Without a window nothing would ever release the main thread.
                    LOG.error("The desktop UI could not start", e);
                    closed.countDown();
                }
            });
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            Platform.exit();
        }
    }

    /// Builds the app in `stage` and shows the start page (UI tests call this with their own services).
    public static AppWindow open(Stage stage, Composition composition, UiServices services) {
        var window = new AppWindow(stage, composition, services, new FxDialogService(stage, services.tasks(), services.fx()));
        window.showStart();
        return window;
    }
}
