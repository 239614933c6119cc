package dev.berth.runner.blob;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class BlobReceiptsTest {
    @TempDir Path dir;
    private final BlobTestClock clock = new BlobTestClock(Instant.parse("2026-11-21T10:00:00Z"));

    @Test
    void markDone_versionIsComplete_otherVersionsAndFunctionsAreNot() throws Exception {
        try (var receipts = BlobReceipts.open(dir.resolve("berth.db"), clock)) {
            receipts.markDone("resize", "images", "a", "\"0x1\"");
            assertThat(receipts.isComplete("resize", "images", "a", "\"0x1\"")).isTrue();
            assertThat(receipts.isComplete("resize", "images", "a", "\"0x2\"")).isFalse();
            assertThat(receipts.isComplete("thumbnail", "images", "a", "\"0x1\"")).isFalse();
            assertThat(receipts.isComplete("resize", "images", "b", "\"0x1\"")).isFalse();
        }
    }

    @Test
    void recordFailure_countsAttempts_andSurvivesReopen() throws Exception {
        Path db = dir.resolve("berth.db");
        try (var receipts = BlobReceipts.open(db, clock)) {
            assertThat(receipts.failedAttempts("f", "images", "a", "\"0x1\"")).isZero();
            assertThat(receipts.recordFailure("f", "images", "a", "\"0x1\"", "boom")).isEqualTo(1);
            assertThat(receipts.recordFailure("f", "images", "a", "\"0x1\"", "boom")).isEqualTo(2);
            assertThat(receipts.isComplete("f", "images", "a", "\"0x1\"")).isFalse();
        }
        try (var receipts = BlobReceipts.open(db, clock)) {
            assertThat(receipts.failedAttempts("f", "images", "a", "\"0x1\"")).isEqualTo(2);
            receipts.markPoisoned("f", "images", "a", "\"0x1\"");
            assertThat(receipts.isComplete("f", "images", "a", "\"0x1\"")).isTrue();
        }
    }

    @Test
    void unprocessed_listsCurrentVersionsWithoutCompletedReceipt() throws Exception {
        Path db = dir.resolve("berth.db");
        try (var store = BlobStore.open(db, dir.resolve("blobs"), clock);
             var receipts = BlobReceipts.open(db, clock)) {
            store.createContainer("images");
            store.createContainer("other");
            var done = store.put("images", "done", new byte[] {1}, null);
            var failed = store.put("images", "failed", new byte[] {1}, null);
            var poisoned = store.put("images", "poisoned", new byte[] {1}, null);
            var fresh = store.put("images", "fresh", new byte[] {1}, null);
            store.put("other", "elsewhere", new byte[] {1}, null);
            receipts.markDone("f", "images", "done", done.eTag());
            receipts.recordFailure("f", "images", "failed", failed.eTag(), "boom");
            receipts.markPoisoned("f", "images", "poisoned", poisoned.eTag());
            var rewritten = store.put("images", "done", new byte[] {2}, null);
            assertThat(receipts.unprocessed("f", "images")).containsExactly(
                    new BlobReceipts.Version("images", "done", rewritten.eTag()),
                    new BlobReceipts.Version("images", "failed", failed.eTag()),
                    new BlobReceipts.Version("images", "fresh", fresh.eTag()));
            assertThat(receipts.unprocessed("g", "images")).hasSize(4);
        }
    }

    @Test
    void markDone_newVersion_dropsReceiptsOfOlderVersions() throws Exception {
        try (var receipts = BlobReceipts.open(dir.resolve("berth.db"), clock)) {
            receipts.markDone("f", "images", "a", "\"0x1\"");
            receipts.recordFailure("f", "images", "a", "\"0x2\"", "boom");
            receipts.markDone("f", "images", "a", "\"0x3\"");
            assertThat(receipts.isComplete("f", "images", "a", "\"0x1\"")).isFalse();
            assertThat(receipts.failedAttempts("f", "images", "a", "\"0x2\"")).isZero();
            assertThat(receipts.isComplete("f", "images", "a", "\"0x3\"")).isTrue();
        }
    }
}
