package dev.berth.runner.queue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.time.Duration;

import static dev.berth.runner.queue.QueueException.Code.INVALID_INPUT;
import static dev.berth.runner.queue.QueueStoreTest.refused;
import static org.assertj.core.api.Assertions.assertThat;

/// Every refusal Azure Storage would answer too, each naming the field and the fix, and the limits
/// themselves accepted.
class QueueValidationTest {
    @TempDir Path dir;
    ManualClock clock = new ManualClock(QueueStoreTest.T0);
    QueueStore store;

    @BeforeEach
    void open() throws Exception {
        store = QueueStore.open(dir.resolve(".berth/berth.db"), clock);
        store.createIfNotExists("orders");
    }

    @AfterEach
    void close() {
        store.close();
    }

    @ParameterizedTest
    @CsvSource({
            "ab, has 2 characters; Azure needs 3 to 63",
            "Orders, use only lowercase letters",
            "order_items, use only lowercase letters",
            "-orders, starting and ending with a letter or digit",
            "orders-, starting and ending with a letter or digit",
            "my--orders, single hyphens",
            "my orders, e.g. 'my-orders'"})
    void createIfNotExists_nameAzureRejects_isRefusedSayingTheRule(String name, String says) {
        refused(() -> store.createIfNotExists(name), INVALID_INPUT).hasMessageContaining("queue name '" + name + "'")
                .hasMessageContaining(says);
    }

    @Test
    void createIfNotExists_nameOf64Characters_isRefused() {
        refused(() -> store.createIfNotExists("q".repeat(64)), INVALID_INPUT).hasMessageContaining("has 64 characters");
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "a-b", "123", "orders-2026"})
    void createIfNotExists_validNames_areAccepted(String name) {
        assertThat(store.createIfNotExists(name)).isTrue();
    }

    @Test
    void createIfNotExists_sixtyThreeCharacters_isAccepted() {
        assertThat(store.createIfNotExists("q".repeat(63))).isTrue();
    }

    @Test
    void poisonName_sourceTooLongForItsPoisonQueue_saysHowShortItMustBe() {
        refused(() -> QueueLimits.poisonName("q".repeat(60)), INVALID_INPUT)
                .hasMessageContaining("shorten it to at most 56 characters");
    }

    @Test
    void put_exactly64KiB_isAccepted() {
        var text = "x".repeat(QueueLimits.MAX_MESSAGE_BYTES);
        assertThat(store.put("orders", text).text()).hasSize(65_536);
    }

    @Test
    void put_oneByteOver64KiB_isRefusedWithSizeAndFix() {
        refused(() -> store.put("orders", "x".repeat(QueueLimits.MAX_MESSAGE_BYTES + 1)), INVALID_INPUT)
                .hasMessageContaining("65537 bytes").hasMessageContaining("at most 65536")
                .hasMessageContaining("store the payload in a blob");
    }

    @Test
    void put_multibyteTextUnder64KCharactersButOver64KiBInUtf8_isRefused() {
        var euros = "€".repeat(22_000); // 22,000 chars, 66,000 bytes in UTF-8
        refused(() -> store.put("orders", euros), INVALID_INPUT).hasMessageContaining("66000 bytes in UTF-8");
    }

    @Test
    void put_nullText_isRefused() {
        refused(() -> store.put("orders", null), INVALID_INPUT).hasMessageContaining("message text is missing");
    }

    @Test
    void put_visibilityDelayOverSevenDays_isRefusedNamingTheField() {
        refused(() -> store.put("orders", "a", Duration.ofDays(7).plusSeconds(1), QueueLimits.NEVER_EXPIRES), INVALID_INPUT)
                .hasMessageContaining("visibilityTimeout is PT168H0.001S".substring(0, 24))
                .hasMessageContaining("between 0 seconds and 7 days");
    }

    @Test
    void put_visibilityDelayOfExactlySevenDays_isAccepted() {
        assertThat(store.put("orders", "a", Duration.ofDays(7), QueueLimits.NEVER_EXPIRES).nextVisibleTime())
                .isEqualTo(QueueStoreTest.T0.plus(Duration.ofDays(7)));
    }

    @Test
    void put_negativeVisibilityDelay_isRefused() {
        refused(() -> store.put("orders", "a", Duration.ofSeconds(-1), QueueLimits.DEFAULT_TTL), INVALID_INPUT)
                .hasMessageContaining("visibilityTimeout is PT-1S");
    }

    @Test
    void put_delayNotLessThanTtl_isRefusedSayingItWouldExpireUnseen() {
        refused(() -> store.put("orders", "a", Duration.ofMinutes(5), Duration.ofMinutes(5)), INVALID_INPUT)
                .hasMessageContaining("not less than timeToLive").hasMessageContaining("shorten the delay");
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -2})
    void put_ttlNeitherPositiveNorMinusOne_isRefused(long seconds) {
        refused(() -> store.put("orders", "a", Duration.ZERO, Duration.ofSeconds(seconds)), INVALID_INPUT)
                .hasMessageContaining("timeToLive is").hasMessageContaining("-1 second for a message that never expires");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 33, -1})
    void getAndPeek_countOutside1To32_isRefused(int n) {
        refused(() -> store.get("orders", n, Duration.ofSeconds(30)), INVALID_INPUT)
                .hasMessageContaining("number of messages is " + n).hasMessageContaining("between 1 and 32");
        refused(() -> store.peek("orders", n), INVALID_INPUT).hasMessageContaining("between 1 and 32");
    }

    @Test
    void get_visibilityTimeoutOverSevenDays_isRefused() {
        refused(() -> store.get("orders", 1, Duration.ofDays(8)), INVALID_INPUT).hasMessageContaining("visibilityTimeout");
    }

    @Test
    void update_visibilityTimeoutNegative_isRefused() {
        store.put("orders", "a");
        var got = store.get("orders", 1, Duration.ofSeconds(30)).getFirst();
        refused(() -> store.update("orders", got.id(), got.popReceipt(), Duration.ofSeconds(-5), null), INVALID_INPUT)
                .hasMessageContaining("visibilityTimeout");
    }

    @Test
    void update_newTextOver64KiB_isRefused() {
        store.put("orders", "a");
        var got = store.get("orders", 1, Duration.ofSeconds(30)).getFirst();
        refused(() -> store.update("orders", got.id(), got.popReceipt(), Duration.ZERO, "y".repeat(70_000)), INVALID_INPUT)
                .hasMessageContaining("70000 bytes");
    }

    @Test
    void deleteAndUpdate_peekedMessageWithoutReceipt_isRefusedSayingWhereReceiptsComeFrom() {
        var peeked = store.put("orders", "a").withoutReceipt();
        refused(() -> store.delete("orders", peeked.id(), peeked.popReceipt()), INVALID_INPUT)
                .hasMessageContaining("popReceipt of message " + peeked.id() + " is missing")
                .hasMessageContaining("answered by get");
        refused(() -> store.update("orders", peeked.id(), null, Duration.ZERO, null), INVALID_INPUT)
                .hasMessageContaining("popReceipt");
        assertThat(store.peek("orders", 1)).hasSize(1);
    }

    @ParameterizedTest
    @CsvSource({
            "0, 0, 5, batchSize is 0",
            "33, 16, 5, batchSize is 33",
            "16, 16, 5, newBatchThreshold is 16",
            "16, 8, 0, maxDequeueCount is 0"})
    void settings_outOfRange_namesTheHostJsonField(int batch, int threshold, int maxDequeue, String says) {
        refused(() -> new QueueSettings(batch, threshold, maxDequeue, Duration.ZERO, Duration.ofMinutes(1)), INVALID_INPUT)
                .hasMessageStartingWith("host.json extensions.queues.").hasMessageContaining(says);
    }

    @Test
    void settings_pollingIntervalUnder100Ms_isRefused() {
        refused(() -> QueueSettings.of(null, null, null, null, Duration.ofMillis(10)), INVALID_INPUT)
                .hasMessageContaining("maxPollingInterval").hasMessageContaining("at least 00:00:00.100");
    }

    @Test
    void settings_defaults_areThoseOfTheFunctionsHost() {
        assertThat(QueueSettings.defaults())
                .isEqualTo(new QueueSettings(16, 8, 5, Duration.ZERO, Duration.ofMinutes(1)));
        assertThat(QueueSettings.of(4, null, null, null, null).newBatchThreshold()).isEqualTo(2);
    }
}
