package dev.berth.runner.store;

import dev.berth.runner.event.InvocationFinished;
import dev.berth.runner.event.LogLine;
import dev.berth.runner.event.ReplicaState;
import dev.berth.runner.event.ReplicaStateChanged;
import dev.berth.runner.event.RunnerNotice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class EventStoreTest {
    private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");

    @TempDir Path dir;

    @Test
    void events_writtenThenReopened_areReadBackEqualAndInOrder() throws Exception {
        var db = dir.resolve(".berth/berth.db");
        var replica = new ReplicaStateChanged(T0, "r1", "rev1", "c0ffee", ReplicaState.READY, "");
        var line = new LogLine(T0.plusMillis(1), "r1", "stdout", "hello");
        var notice = new RunnerNotice(T0.plusMillis(2), RunnerNotice.Level.WARNING, "unknown field");
        try (var store = EventStore.open(db, "s1")) {
            store.onEvent(replica);
            store.onEvent(line);
            store.onEvent(notice);
        }
        try (var reopened = EventStore.open(db, "s2")) {
            assertThat(reopened.events("s1", 10)).containsExactly(replica, line, notice);
            assertThat(reopened.events("s2", 10)).isEmpty();
        }
    }

    @Test
    void gpuMetrics_areStoredBesideTheOtherEvents_andReadBackEqual() throws Exception {
        var db = dir.resolve(".berth/berth.db");
        var sample = new dev.berth.runner.event.GpuMetrics(T0, "rev1", "r1", java.util.List.of("0", "1"), 87.5, 30512, 163118);
        try (var store = EventStore.open(db, "s1")) {
            store.onEvent(sample);
        }
        try (var reopened = EventStore.open(db, "s2")) {
            assertThat(reopened.events("s1", 10)).containsExactly(sample);
        }
    }

    @Test
    void recentInvocations_manyFinished_returnsNewestFirstLimited() throws Exception {
        try (var store = EventStore.open(dir.resolve("berth.db"), "s1")) {
            for (int i = 0; i < 20; i++) {
                store.onEvent(new InvocationFinished(T0.plusSeconds(i), "inv-" + i, "hello", "r1", 200,
                        Duration.ofMillis(i), "", "GET /api/hello", "Hello"));
            }
            store.flush(Duration.ofSeconds(10));

            var recent = store.recentInvocations(3);

            assertThat(recent).extracting(InvocationFinished::invocationId).containsExactly("inv-19", "inv-18", "inv-17");
            assertThat(recent.getFirst().duration()).isEqualTo(Duration.ofMillis(19));
        }
    }

    @Test
    void flush_afterClose_returnsAtOnce() throws Exception {
        var store = EventStore.open(dir.resolve("berth.db"), "s1");
        store.close();

        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> store.flush(Duration.ofSeconds(30)));
    }

    @Test
    void flush_afterTheWriterFailed_throwsAtOnceNamingTheDatabase() throws Exception {
        var db = dir.resolve("berth.db");
        try (var store = EventStore.open(db, "s1")) {
            // The database itself fails (its table is gone), not one event: the writer stops.
            try (var other = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db); var s = other.createStatement()) {
                s.execute("DROP TABLE events");
            }
            store.onEvent(new RunnerNotice(T0, RunnerNotice.Level.INFO, "lost"));

            assertTimeoutPreemptively(Duration.ofSeconds(5), () ->
                    assertThatThrownBy(() -> store.flush(Duration.ofSeconds(30)))
                            .isInstanceOf(IllegalStateException.class).hasMessageContaining(".berth/berth.db"));
            assertThatThrownBy(() -> store.flush(Duration.ofSeconds(30))).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void onEvent_oneEventTheDatabaseRefuses_onlyThatOneIsLost() throws Exception {
        try (var store = EventStore.open(dir.resolve("berth.db"), "s1")) {
            store.onEvent(new RunnerNotice(T0, RunnerNotice.Level.INFO, "before"));
            // A null error breaks the table's NOT NULL constraint.
            store.onEvent(new InvocationFinished(T0, "inv-bad", "hello", "r1", 200, Duration.ofMillis(1), null, "", ""));
            store.onEvent(new InvocationFinished(T0, "inv-good", "hello", "r1", 200, Duration.ofMillis(1), "", "", ""));
            store.onEvent(new RunnerNotice(T0, RunnerNotice.Level.INFO, "after"));

            store.flush(Duration.ofSeconds(10));

            assertThat(store.events("s1", 10)).hasSize(3).noneMatch(e -> e instanceof InvocationFinished f
                    && f.invocationId().equals("inv-bad"));
            assertThat(store.recentInvocations(10)).extracting(InvocationFinished::invocationId).containsExactly("inv-good");
            store.onEvent(new RunnerNotice(T0, RunnerNotice.Level.INFO, "later"));
            store.flush(Duration.ofSeconds(10));
            assertThat(store.events("s1", 10)).hasSize(4);
        }
    }

    @Test
    void flush_afterHighRateLogLines_allAreCommitted() throws Exception {
        try (var store = EventStore.open(dir.resolve("berth.db"), "s1")) {
            for (int i = 0; i < 50_000; i++) store.onEvent(new LogLine(T0, "r1", "stdout", "line " + i));
            store.flush(Duration.ofSeconds(30));

            assertThat(store.events("s1", 100_000)).hasSize(50_000).last()
                    .isEqualTo(new LogLine(T0, "r1", "stdout", "line 49999"));
        }
    }
}
