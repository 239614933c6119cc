package dev.berth.app.ui.revision;

import dev.berth.app.ui.fakes.FakeDialogs;
import dev.berth.app.ui.fakes.FakeRevisions;
import dev.berth.app.ui.fakes.FakeRunner;
import dev.berth.app.ui.fakes.ManualEventPipe;
import dev.berth.app.ui.fakes.ManualTicker;
import dev.berth.app.ui.fakes.SameThreadTaskExecutor;
import dev.berth.app.ui.fx.TaskExecutor;
import dev.berth.app.ui.run.RunViewModel;
import javafx.beans.property.SimpleBooleanProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/// What the Revisions view model tests share: a fake runner whose sessions have the fake revisions, the
/// view model over it, a same-thread or held task executor, and a manual ticker.
abstract class RevisionsTestBase {
    @TempDir Path project;
    final FakeRunner runner = new FakeRunner();
    final FakeRevisions revisions = new FakeRevisions();
    final FakeDialogs dialogs = new FakeDialogs();
    final ManualTicker ticker = new ManualTicker();
    RunViewModel run;
    RevisionsViewModel model;

    void open(TaskExecutor tasks) {
        run = new RunViewModel(runner, project, 0, tasks, new ManualEventPipe(), new SimpleBooleanProperty(true));
        model = new RevisionsViewModel(run, tasks, dialogs, ticker);
    }

    /// Runs a session whose revisions are the fake's, on a same-thread executor.
    void running() {
        runner.revisions = revisions;
        open(new SameThreadTaskExecutor());
        run.run();
    }

    @AfterEach
    void close() {
        if (run != null) run.dispose();
    }
}
