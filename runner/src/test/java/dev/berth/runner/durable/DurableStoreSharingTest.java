package dev.berth.runner.durable;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/// The durable tables share `.berth/berth.db` with the event, queue and blob stores: the backend must keep
/// writing while other connections write too.
class DurableStoreSharingTest {
    @TempDir Path dir;

    @Test
    void backendWithData_afterAnotherConnectionWrites_stillStartsInstances() throws Exception {
        var db = dir.resolve("berth.db");
        try (var first = DurableBackend.start(settings(db))) {
            first.control().start("h", "Any", Optional.of("before"), null, Optional.empty());
        }
        try (var backend = DurableBackend.start(settings(db));
             var other = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            try (var s = other.createStatement()) {
                s.execute("PRAGMA busy_timeout=5000");
                s.execute("CREATE TABLE IF NOT EXISTS elsewhere (x INTEGER)");
                s.execute("INSERT INTO elsewhere VALUES (1)");
            }

            backend.control().start("h", "Any", Optional.of("after"), null, Optional.empty());

            assertThat(backend.control().instance("h", "after")).isPresent();
            assertThat(backend.control().instance("h", "before").orElseThrow().status()).isEqualTo(RuntimeStatus.PENDING);
        }
    }

    private static DurableBackend.Settings settings(Path db) {
        return new DurableBackend.Settings(db, 0, List.of(), false, "h", List.of(), Clock.systemUTC(), event -> { });
    }
}
