package dev.berth.app.ui.fx;

import javafx.application.Platform;

import java.util.concurrent.Executor;

/// The one place in Berth that calls `Platform.runLater`: every hop from a background thread to the FX
/// thread goes through here (directly, or through a `Coalescer` that batches first). Thread-safe.
public final class FxExecutor implements Executor {
    @Override public void execute(Runnable command) {
        Platform.runLater(command);
    }
}
