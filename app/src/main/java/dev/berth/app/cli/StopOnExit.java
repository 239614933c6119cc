package dev.berth.app.cli;

import dev.berth.runner.session.RunSession;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

/// The shutdown hook of `berth run`, registered before the session starts so that Ctrl-C during a long
/// image build also stops what was started. A runner's start cannot be cancelled: the hook waits for it
/// to return, then closes the session it returned (if any). Thread-safe: `started`/`failed` come from
/// the command's thread, `run` from the JVM's hook thread.
final class StopOnExit implements Runnable {
    private final CompletableFuture<RunSession> session = new CompletableFuture<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean exiting;

    /// The start returned this session.
    void started(RunSession started) { session.complete(started); }

    /// The start failed: nothing to close.
    void failed() { session.complete(null); }

    /// Whether Ctrl-C (or SIGTERM) came.
    boolean exiting() { return exiting; }

    /// Returns once the hook has closed the session.
    void awaitStopped() throws InterruptedException { stopped.await(); }

    @Override
    public void run() {
        exiting = true;
        try {
            var started = session.join();
            if (started != null) started.close();
        } finally {
            stopped.countDown();
        }
    }
}
