package dev.berth.app.ui.storage;

import dev.berth.app.ui.DialogService;
import dev.berth.app.ui.fx.TaskExecutor;
import dev.berth.app.ui.fx.Ticker;
import dev.berth.app.ui.run.RunState;
import dev.berth.app.ui.run.RunViewModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Clock;

/// The Storage panel of a project: the queue and blob explorers over one [StorageAccess] that follows the
/// run: Berth's own storage on `.berth/` while nothing runs, none while a run starts or stops, the
/// session's while it runs. FX thread only; the switches happen on the task executor.
public final class StorageViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(StorageViewModel.class);

    private final StorageAccess access;
    private final TaskExecutor tasks;
    private final RunViewModel run;
    private final QueueExplorerViewModel queues;
    private final BlobExplorerViewModel blobs;
    private long switches;

    public StorageViewModel(Path projectDir, Clock clock, TaskExecutor tasks, DialogService dialogs, Ticker ticker,
                            RunViewModel run) {
        this.access = new StorageAccess(projectDir.resolve(".berth"), clock);
        this.tasks = tasks;
        this.run = run;
        queues = new QueueExplorerViewModel(access, tasks, dialogs, ticker);
        blobs = new BlobExplorerViewModel(access, tasks, dialogs, ticker);
        run.stateProperty().addListener((o, was, now) -> follow(now));
    }

    private void follow(RunState state) {
        long seq = ++switches;
        switch (state) {
            case STARTING -> change(() -> access.suspend(seq, "the run starts"));
            case STOPPING -> change(() -> access.suspend(seq, "the run stops"));
            case RUNNING -> run.runningSession().ifPresentOrElse(
                    session -> change(() -> access.useSession(seq, session.storage())),
                    () -> change(() -> access.useOwn(seq)));
            case IDLE, FAILED -> change(() -> access.useOwn(seq));
        }
    }

    private void change(Runnable change) {
        tasks.run(() -> {
            change.run();
            return null;
        }, done -> {
            queues.refreshIfVisible();
            blobs.refreshIfVisible();
        }, failure -> LOG.warn("switching the explorers' storage failed", failure));
    }

    public QueueExplorerViewModel queues() { return queues; }

    public BlobExplorerViewModel blobs() { return blobs; }

    /// The project closes: stop polling and close Berth's own storage (in the background).
    public void dispose() {
        queues.dispose();
        blobs.dispose();
        tasks.run(() -> {
            access.close();
            return null;
        }, done -> { }, failure -> LOG.warn("closing the explorers' storage failed", failure));
    }
}
