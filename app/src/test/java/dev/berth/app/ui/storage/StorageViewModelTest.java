package dev.berth.app.ui.storage;

import dev.berth.app.ui.fakes.FakeDialogs;
import dev.berth.app.ui.fakes.FakeRunner;
import dev.berth.app.ui.fakes.ManualEventPipe;
import dev.berth.app.ui.fakes.ManualTicker;
import dev.berth.app.ui.fakes.SameThreadTaskExecutor;
import dev.berth.app.ui.run.RunViewModel;
import dev.berth.runner.queue.QueueCounts;
import javafx.beans.property.SimpleBooleanProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class StorageViewModelTest {
    @TempDir Path project;
    private final FakeRunner runner = FakeRunner.withReadyReplicaAndInvocation();
    private final FakeDialogs dialogs = new FakeDialogs();
    private RunViewModel run;
    private StorageViewModel storage;

    private void open() {
        var tasks = new SameThreadTaskExecutor();
        run = new RunViewModel(runner, project, 0, tasks, new ManualEventPipe(), new SimpleBooleanProperty(true));
        storage = new StorageViewModel(project, Clock.systemUTC(), tasks, dialogs, new ManualTicker(), run);
    }

    @AfterEach
    void close() {
        run.dispose();
        storage.dispose();
    }

    @Test
    void noRun_explorersWorkOnTheProjectsOwnStorage() {
        open();
        dialogs.enqueue = queue -> Optional.of(new EnqueueRequest("orders", "x"));
        storage.queues().setVisible(true);

        storage.queues().enqueue();

        assertThat(storage.queues().queues()).extracting(QueueCounts::queue).containsExactly("orders");
        assertThat(project.resolve(".berth/berth.db")).exists();
    }

    @Test
    void running_writesGoToTheSessionsStorage_soItsTriggersWake() {
        open();
        storage.queues().setVisible(true);
        run.run();
        dialogs.enqueue = queue -> Optional.of(new EnqueueRequest("orders", "while running"));

        storage.queues().enqueue();

        var session = runner.sessions.getFirst();
        assertThat(session.storage().queues().peek("orders", 32)).hasSize(1);
        assertThat(storage.queues().queues()).extracting(QueueCounts::visible).containsExactly(1L);
    }

    @Test
    void stopped_explorersGoBackToTheirOwnStorageAndSeeWhatTheRunWrote() {
        open();
        storage.queues().setVisible(true);
        run.run();
        runner.sessions.getFirst().storage().queues().createIfNotExists("written-by-run");
        run.stop();

        storage.queues().refresh();

        assertThat(storage.queues().queues()).extracting(QueueCounts::queue).containsExactly("written-by-run");
        assertThat(storage.queues().status().errorProperty().get()).isFalse();
    }
}
