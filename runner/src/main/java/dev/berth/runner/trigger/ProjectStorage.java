package dev.berth.runner.trigger;

import dev.berth.runner.blob.BlobReceipts;
import dev.berth.runner.blob.BlobStore;
import dev.berth.runner.queue.QueueStore;
import dev.berth.runner.timer.TimerStatusStore;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/// The embedded storage of one project, all in its `.berth/` folder: queues, blob metadata, blob
/// receipts and timer status in the project's SQLite database (`berth.db`, beside the event store), blob
/// contents as files under `blobs/`. What the CLI, the explorers and the triggers share. Thread-safe.
public record ProjectStorage(QueueStore queues, BlobStore blobs, BlobReceipts receipts, TimerStatusStore timers)
        implements AutoCloseable {
    public static final String DATABASE = "berth.db";

    /// Opens (creating when missing) the storage under `stateDir`.
    public static ProjectStorage open(Path stateDir, Clock clock) throws SQLException, IOException {
        var db = stateDir.resolve(DATABASE);
        var opened = new ArrayList<AutoCloseable>();
        try {
            var queues = track(opened, QueueStore.open(db, clock));
            var blobs = track(opened, BlobStore.open(db, stateDir.resolve("blobs"), clock));
            var receipts = track(opened, BlobReceipts.open(db, clock));
            var timers = track(opened, TimerStatusStore.open(db));
            return new ProjectStorage(queues, blobs, receipts, timers);
        } catch (SQLException | IOException | RuntimeException e) {
            closeAll(opened);
            throw e;
        }
    }

    private static <T extends AutoCloseable> T track(List<AutoCloseable> opened, T resource) {
        opened.addFirst(resource);
        return resource;
    }

    @Override
    public void close() {
        closeAll(List.of(timers, receipts, blobs, queues));
    }

    private static void closeAll(List<AutoCloseable> resources) {
        for (var resource : resources) {
            try {
                resource.close();
            } catch (Exception e) {
                org.slf4j.LoggerFactory.getLogger(ProjectStorage.class).warn("closing {} failed", resource, e);
            }
        }
    }
}
