package dev.berth.runner.queue;

import dev.berth.runner.event.LogLine;
import dev.berth.runner.store.EventStore;
import org.assertj.core.api.AbstractThrowableAssert;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static dev.berth.runner.queue.QueueException.Code.INVALID_INPUT;
import static dev.berth.runner.queue.QueueException.Code.MESSAGE_NOT_FOUND;
import static dev.berth.runner.queue.QueueException.Code.POP_RECEIPT_MISMATCH;
import static dev.berth.runner.queue.QueueException.Code.QUEUE_NOT_FOUND;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QueueStoreTest {
    static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");
    static final Duration THIRTY_S = Duration.ofSeconds(30);

    @TempDir Path dir;
    ManualClock clock = new ManualClock(T0);
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

    static AbstractThrowableAssert<?, ? extends Throwable> refused(ThrowingCallable call, QueueException.Code code) {
        return assertThatThrownBy(call).isInstanceOf(QueueException.class)
                .satisfies(e -> assertThat(((QueueException) e).code()).isEqualTo(code));
    }

    // ---- queues ----

    @Test
    void createIfNotExists_newThenExisting_answersTrueThenFalseAndListsSorted() {
        assertThat(store.createIfNotExists("b-queue")).isTrue();
        assertThat(store.createIfNotExists("b-queue")).isFalse();
        assertThat(store.createIfNotExists("a-queue")).isTrue();
        assertThat(store.listQueues()).containsExactly("a-queue", "b-queue", "orders");
        assertThat(store.exists("orders")).isTrue();
        assertThat(store.exists("nothing")).isFalse();
    }

    @Test
    void deleteQueue_withMessages_removesQueueAndMessages() {
        store.put("orders", "a");
        store.deleteQueue("orders");
        assertThat(store.listQueues()).isEmpty();
        store.createIfNotExists("orders");
        assertThat(store.peek("orders", 32)).isEmpty();
    }

    @Test
    void deleteQueue_missing_isQueueNotFoundSayingHowToCreateIt() {
        refused(() -> store.deleteQueue("missing"), QUEUE_NOT_FOUND)
                .hasMessageContaining("queue 'missing' does not exist").hasMessageContaining("create it first");
    }

    @Test
    void clear_visibleAndInFlight_removesAllAndCountsThem() {
        store.put("orders", "a");
        store.put("orders", "b");
        store.get("orders", 1, THIRTY_S);
        assertThat(store.clear("orders")).isEqualTo(2);
        assertThat(store.counts("orders")).isEqualTo(new QueueCounts("orders", 0, 0, 0));
    }

    @Test
    void put_missingQueue_isQueueNotFound() {
        refused(() -> store.put("missing", "x"), QUEUE_NOT_FOUND).hasMessageContaining("'missing'");
    }

    // ---- put / peek / get ----

    @Test
    void put_defaults_answersAzureFieldsVisibleNowExpiringInSevenDays() {
        var m = store.put("orders", "{\"id\":1}");
        assertThat(m.queue()).isEqualTo("orders");
        assertThat(m.id()).matches("[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(m.text()).isEqualTo("{\"id\":1}");
        assertThat(m.insertionTime()).isEqualTo(T0);
        assertThat(m.expirationTime()).isEqualTo(T0.plus(Duration.ofDays(7)));
        assertThat(m.nextVisibleTime()).isEqualTo(T0);
        assertThat(m.popReceipt()).isNotBlank();
        assertThat(m.dequeueCount()).isZero();
        assertThat(store.peek("orders", 1)).containsExactly(m.withoutReceipt());
    }

    @Test
    void put_withVisibilityDelay_isHiddenUntilTheDelayPasses() {
        store.put("orders", "later", Duration.ofSeconds(10), QueueLimits.DEFAULT_TTL);
        assertThat(store.get("orders", 32, THIRTY_S)).isEmpty();
        assertThat(store.counts("orders")).isEqualTo(new QueueCounts("orders", 0, 1, 0));
        clock.advance(Duration.ofSeconds(10));
        assertThat(store.get("orders", 32, THIRTY_S)).extracting(QueueMessage::text).containsExactly("later");
    }

    @Test
    void putAll_oneMessageTooLarge_storesNone() {
        var texts = List.of("ok", "x".repeat(QueueLimits.MAX_MESSAGE_BYTES + 1));
        refused(() -> store.putAll("orders", texts, Duration.ZERO, QueueLimits.DEFAULT_TTL), INVALID_INPUT);
        assertThat(store.peek("orders", 32)).isEmpty();
    }

    @Test
    void peek_twice_changesNothingAndHasNoPopReceipt() {
        store.put("orders", "a");
        store.put("orders", "b");
        var first = store.peek("orders", 32);
        var second = store.peek("orders", 1);
        assertThat(first).extracting(QueueMessage::text).containsExactly("a", "b");
        assertThat(first).allSatisfy(m -> {
            assertThat(m.popReceipt()).isNull();
            assertThat(m.dequeueCount()).isZero();
        });
        assertThat(second).containsExactly(first.getFirst());
        assertThat(store.counts("orders").visible()).isEqualTo(2);
    }

    @Test
    void get_hidesForTheTimeoutCountsDequeuesAndGivesANewReceiptEachTime() {
        store.put("orders", "a");
        var first = store.get("orders", 32, THIRTY_S).getFirst();
        assertThat(first.dequeueCount()).isEqualTo(1);
        assertThat(first.nextVisibleTime()).isEqualTo(T0.plus(THIRTY_S));
        assertThat(store.get("orders", 32, THIRTY_S)).isEmpty();
        assertThat(store.peek("orders", 32)).isEmpty();
        assertThat(store.counts("orders")).isEqualTo(new QueueCounts("orders", 0, 1, 0));

        clock.advance(Duration.ofSeconds(29));
        assertThat(store.get("orders", 32, THIRTY_S)).isEmpty();
        clock.advance(Duration.ofSeconds(1));
        var second = store.get("orders", 32, THIRTY_S).getFirst();

        assertThat(second.id()).isEqualTo(first.id());
        assertThat(second.dequeueCount()).isEqualTo(2);
        assertThat(second.popReceipt()).isNotEqualTo(first.popReceipt());
        assertThat(second.insertionTime()).isEqualTo(T0);
    }

    @Test
    void get_moreThanThirtyTwoPut_answersAtMostNOldestFirst() {
        store.putAll("orders", IntStream.range(0, 40).mapToObj(i -> "m" + i).toList(), Duration.ZERO,
                QueueLimits.DEFAULT_TTL);
        assertThat(store.get("orders", 5, THIRTY_S)).extracting(QueueMessage::text)
                .containsExactly("m0", "m1", "m2", "m3", "m4");
        assertThat(store.get("orders", 32, THIRTY_S)).hasSize(32);
        assertThat(store.get("orders", 32, THIRTY_S)).hasSize(3);
    }

    // ---- delete / update and pop receipts ----

    @Test
    void delete_withLatestReceipt_removesTheMessage() {
        store.put("orders", "a");
        var got = store.get("orders", 1, THIRTY_S).getFirst();
        store.delete("orders", got.id(), got.popReceipt());
        clock.advance(Duration.ofMinutes(1));
        assertThat(store.peek("orders", 32)).isEmpty();
    }

    @Test
    void delete_withOutdatedReceipt_isPopReceiptMismatchAndKeepsTheMessage() {
        store.put("orders", "a");
        var first = store.get("orders", 1, Duration.ZERO).getFirst();
        store.get("orders", 1, THIRTY_S);
        refused(() -> store.delete("orders", first.id(), first.popReceipt()), POP_RECEIPT_MISMATCH)
                .hasMessageContaining("pop receipt is outdated").hasMessageContaining("latest get or update");
        assertThat(store.counts("orders").invisible()).isEqualTo(1);
    }

    @Test
    void delete_twice_secondIsMessageNotFound() {
        var put = store.put("orders", "a");
        store.delete("orders", put.id(), put.popReceipt());
        refused(() -> store.delete("orders", put.id(), put.popReceipt()), MESSAGE_NOT_FOUND)
                .hasMessageContaining(put.id()).hasMessageContaining("does not exist");
    }

    @Test
    void deleteAll_oneReceiptOutdated_deletesNone() {
        store.put("orders", "a");
        store.put("orders", "b");
        var got = store.get("orders", 2, THIRTY_S);
        var stale = new QueueMessage("orders", got.get(1).id(), "", T0, T0, "stale", T0, 1);
        refused(() -> store.deleteAll(List.of(got.getFirst(), stale)), POP_RECEIPT_MISMATCH);
        assertThat(store.counts("orders").invisible()).isEqualTo(2);
    }

    @Test
    void update_newTextAndTimeout_givesNewReceiptAndRefusesTheOldOne() {
        store.put("orders", "a");
        var got = store.get("orders", 1, THIRTY_S).getFirst();
        var updated = store.update("orders", got.id(), got.popReceipt(), Duration.ofSeconds(5), "b");

        assertThat(updated.popReceipt()).isNotEqualTo(got.popReceipt());
        assertThat(updated.nextVisibleTime()).isEqualTo(T0.plusSeconds(5));
        assertThat(updated.text()).isEqualTo("b");
        refused(() -> store.delete("orders", got.id(), got.popReceipt()), POP_RECEIPT_MISMATCH);
        clock.advance(Duration.ofSeconds(5));
        var again = store.get("orders", 1, THIRTY_S).getFirst();
        assertThat(again.text()).isEqualTo("b");
        assertThat(again.dequeueCount()).isEqualTo(2);
    }

    @Test
    void update_nullText_keepsTheText() {
        store.put("orders", "a");
        var got = store.get("orders", 1, THIRTY_S).getFirst();
        store.update("orders", got.id(), got.popReceipt(), Duration.ZERO, null);
        assertThat(store.peek("orders", 1).getFirst().text()).isEqualTo("a");
    }

    @Test
    void update_pastExpiry_isRefusedNamingTheField() {
        store.put("orders", "a", Duration.ZERO, Duration.ofMinutes(1));
        var got = store.get("orders", 1, THIRTY_S).getFirst();
        refused(() -> store.update("orders", got.id(), got.popReceipt(), Duration.ofMinutes(2), null), INVALID_INPUT)
                .hasMessageContaining("visibilityTimeout").hasMessageContaining("past its expiration");
    }

    // ---- TTL ----

    @Test
    void ttl_passed_messageDisappearsFromEveryView() {
        var put = store.put("orders", "short", Duration.ZERO, Duration.ofMinutes(1));
        store.put("orders", "long");
        clock.advance(Duration.ofMinutes(1));
        assertThat(store.peek("orders", 32)).extracting(QueueMessage::text).containsExactly("long");
        assertThat(store.counts("orders")).isEqualTo(new QueueCounts("orders", 1, 0, 0));
        assertThat(store.get("orders", 32, THIRTY_S)).extracting(QueueMessage::text).containsExactly("long");
        refused(() -> store.delete("orders", put.id(), put.popReceipt()), MESSAGE_NOT_FOUND);
    }

    @Test
    void ttl_minusOne_neverExpires() {
        var put = store.put("orders", "forever", Duration.ZERO, QueueLimits.NEVER_EXPIRES);
        assertThat(put.expirationTime()).isEqualTo(QueueMessage.NEVER);
        clock.advance(Duration.ofDays(3650));
        assertThat(store.peek("orders", 1)).extracting(QueueMessage::text).containsExactly("forever");
    }

    // ---- counts, poison, redrive ----

    @Test
    void counts_visibleInFlightAndPoison() {
        store.putAll("orders", List.of("a", "b", "c", "d"), Duration.ZERO, QueueLimits.DEFAULT_TTL);
        var got = store.get("orders", 2, THIRTY_S);
        store.moveToPoison("orders", got.getFirst().id(), got.getFirst().popReceipt());
        assertThat(store.counts("orders")).isEqualTo(new QueueCounts("orders", 2, 1, 1));
        assertThat(store.counts()).containsExactly(new QueueCounts("orders", 2, 1, 1),
                new QueueCounts("orders-poison", 1, 0, 0));
    }

    @Test
    void moveToPoison_keepsIdTextInsertionTimeAndDequeueCount() {
        var put = store.put("orders", "bad");
        clock.advance(Duration.ofMinutes(1));
        store.get("orders", 1, Duration.ZERO);
        var got = store.get("orders", 1, THIRTY_S).getFirst();
        var moved = store.moveToPoison("orders", got.id(), got.popReceipt());

        assertThat(store.peek("orders", 32)).isEmpty();
        var poisoned = store.peek("orders-poison", 32);
        assertThat(poisoned).containsExactly(moved.withoutReceipt());
        assertThat(moved.id()).isEqualTo(put.id());
        assertThat(moved.text()).isEqualTo("bad");
        assertThat(moved.insertionTime()).isEqualTo(T0);
        assertThat(moved.dequeueCount()).isEqualTo(2);
    }

    @Test
    void redrive_poisonQueue_movesBackWithDequeueCountReset() {
        store.putAll("orders", List.of("a", "b"), Duration.ZERO, QueueLimits.DEFAULT_TTL);
        for (var m : store.get("orders", 2, THIRTY_S)) store.moveToPoison("orders", m.id(), m.popReceipt());

        assertThat(store.redrive("orders-poison")).isEqualTo(2);

        assertThat(store.peek("orders-poison", 32)).isEmpty();
        assertThat(store.peek("orders", 32)).extracting(QueueMessage::text, QueueMessage::dequeueCount)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("a", 0L),
                        org.assertj.core.groups.Tuple.tuple("b", 0L));
    }

    @Test
    void redrive_notAPoisonQueue_isRefusedNamingTheRule() {
        refused(() -> store.redrive("orders"), INVALID_INPUT).hasMessageContaining("not a poison queue")
                .hasMessageContaining("<queue>-poison");
    }

    // ---- wake-ups ----

    @Test
    void awaitMessages_putFromAnotherThread_wakesAtOnce() throws Exception {
        var woke = new CountDownLatch(1);
        Thread.ofVirtual().start(() -> {
            try {
                if (store.awaitMessages("orders", Duration.ofSeconds(30))) woke.countDown();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        // The waiter may not have subscribed yet; each put wakes it if it has.
        while (!woke.await(20, TimeUnit.MILLISECONDS) && System.nanoTime() < deadline) {
            if (store.peek("orders", 1).isEmpty()) store.put("orders", "wake");
        }
        assertThat(woke.getCount()).isZero();
    }

    @Test
    void awaitMessages_nothingPut_answersFalseAfterTheTimeout() throws Exception {
        assertThat(store.awaitMessages("orders", Duration.ofMillis(50))).isFalse();
    }

    @Test
    void onMessagesAdded_put_callsTheListenerUntilClosed() {
        var calls = new java.util.concurrent.atomic.AtomicInteger();
        var subscription = store.onMessagesAdded("orders", calls::incrementAndGet);
        store.put("orders", "a");
        subscription.close();
        store.put("orders", "b");
        assertThat(calls).hasValue(1);
    }

    // ---- durability and sharing ----

    @Test
    void reopen_sameFile_keepsMessagesAndTheirState() throws Exception {
        store.putAll("orders", List.of("a", "b"), Duration.ZERO, QueueLimits.DEFAULT_TTL);
        var got = store.get("orders", 1, THIRTY_S).getFirst();
        store.close();
        try (var reopened = QueueStore.open(dir.resolve(".berth/berth.db"), clock)) {
            assertThat(reopened.counts("orders")).isEqualTo(new QueueCounts("orders", 1, 1, 0));
            reopened.delete("orders", got.id(), got.popReceipt());
        }
        store = QueueStore.open(dir.resolve(".berth/berth.db"), clock);
    }

    @Test
    void sameDatabaseAsTheEventStore_bothReadAndWrite() throws Exception {
        try (var events = EventStore.open(dir.resolve(".berth/berth.db"), "s1")) {
            events.onEvent(new LogLine(T0, "r1", "stdout", "hello"));
            store.put("orders", "a");
            events.flush(Duration.ofSeconds(10));
            assertThat(events.events("s1", 10)).hasSize(1);
            assertThat(store.peek("orders", 1)).hasSize(1);
        }
    }
}
