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
