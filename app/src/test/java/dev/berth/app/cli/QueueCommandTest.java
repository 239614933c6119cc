package dev.berth.app.cli;

import dev.berth.runner.trigger.ProjectStorage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/// `berth queue …` against a project's embedded storage in a temporary folder (no Docker, no session).
class QueueCommandTest {
    @TempDir Path project;
    private final InProcessCli cli = new InProcessCli();

    private int berth(String... args) { return cli.run(args); }

    private ProjectStorage storage() throws Exception { return InProcessCli.storage(project); }

    @Test
    void put_missingQueue_createsItAndPrintsTheMessageId() throws Exception {
        assertThat(berth("queue", "put", project.toString(), "orders", "{\"id\":1}")).isZero();

        var id = cli.out().strip();
        try (var storage = storage()) {
            var peeked = storage.queues().peek("orders", 32);
            assertThat(peeked).singleElement().satisfies(m -> {
                assertThat(m.id()).isEqualTo(id);
                assertThat(m.text()).isEqualTo("{\"id\":1}");
            });
        }
    }

    @Test
    void put_fromFileWithDelay_storesTheFileTextInvisibleForNow() throws Exception {
        var file = Files.writeString(project.resolve("msg.json"), "from a file");

        assertThat(berth("queue", "put", project.toString(), "orders", "@" + file, "--delay", "1h", "--ttl", "2d"))
                .isZero();

        try (var storage = storage()) {
            var counts = storage.queues().counts("orders");
            assertThat(counts.visible()).isZero();
            assertThat(counts.invisible()).isEqualTo(1);
        }
    }

    @Test
    void put_badQueueName_printsTheFixAndExitsTwo() {
        assertThat(berth("queue", "put", project.toString(), "Orders_Q", "x")).isEqualTo(2);

        assertThat(cli.err()).contains("queue name 'Orders_Q' is not allowed").contains("orders-q")
                .doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void put_messageOver64KiB_isRefusedWithExitTwo() throws Exception {
        var big = Files.writeString(project.resolve("big.txt"), "x".repeat(64 * 1024 + 1));

        assertThat(berth("queue", "put", project.toString(), "orders", "@" + big)).isEqualTo(2);

        assertThat(cli.err()).contains("65537 bytes").contains("store the payload in a blob");
    }

    @Test
    void put_badDuration_namesTheOptionAndExitsTwo() {
        assertThat(berth("queue", "put", project.toString(), "orders", "x", "--ttl", "soon")).isEqualTo(2);

        assertThat(cli.err()).contains("--ttl 'soon' is not a duration").contains("-1 for never");
    }

    @Test
    void list_showsAlignedCountsOfEveryQueue() throws Exception {
        try (var storage = storage()) {
            var q = storage.queues();
            q.createIfNotExists("orders");
            q.createIfNotExists("invoices-long-name");
            q.put("orders", "a");
            q.put("orders", "b");
            q.put("orders", "c", Duration.ofHours(1), Duration.ofDays(1));
            var got = q.get("orders", 1, Duration.ofMinutes(1)).getFirst();
            q.moveToPoison("orders", got.id(), got.popReceipt());
        }

        assertThat(berth("queue", "list", project.toString())).isZero();

        assertThat(cli.out().lines()).containsExactly(
                "QUEUE                VISIBLE  IN-FLIGHT  POISON",
                "invoices-long-name         0          0       0",
                "orders                     1          1       1",
                "orders-poison              1          0       0");
    }

    @Test
    void peek_showsIdDequeueCountTimeAndShortenedText() throws Exception {
        String id;
        try (var storage = storage()) {
            storage.queues().createIfNotExists("orders");
            id = storage.queues().put("orders", "line one\nline two " + "y".repeat(100)).id();
        }

        assertThat(berth("queue", "peek", project.toString(), "orders", "-n", "5")).isZero();

        var lines = cli.out().lines().toList();
        assertThat(lines.getFirst()).startsWith("ID").contains("DEQUEUE").contains("INSERTED").contains("TEXT");
        assertThat(lines.get(1)).startsWith(id).contains(" 0 ").contains("line one line two yyy").endsWith("…")
                .doesNotContain("\n");
    }

    @Test
    void peek_missingQueue_saysSoAndExitsTwo() {
        assertThat(berth("queue", "peek", project.toString(), "nothing-here")).isEqualTo(2);

        assertThat(cli.err()).contains("queue 'nothing-here' does not exist");
    }

    @Test
    void redrive_movesThePoisonMessagesBackAndCountsThem() throws Exception {
        try (var storage = storage()) {
            var q = storage.queues();
            q.createIfNotExists("orders");
            q.put("orders", "a");
            q.put("orders", "b");
            for (var m : q.get("orders", 2, Duration.ofMinutes(1))) q.moveToPoison("orders", m.id(), m.popReceipt());
        }

        assertThat(berth("queue", "redrive", project.toString(), "orders")).isZero();

        assertThat(cli.out().strip()).isEqualTo("Moved 2 messages from 'orders-poison' back to 'orders'.");
        try (var storage = storage()) {
            assertThat(storage.queues().counts("orders").visible()).isEqualTo(2);
            assertThat(storage.queues().counts("orders").poison()).isZero();
        }
    }

    @Test
    void anyCommand_missingProjectFolder_namesItAndExitsTwo() {
        assertThat(berth("queue", "list", project.resolve("nope").toString())).isEqualTo(2);

        assertThat(cli.err()).contains("nope").contains("does not exist");
    }
}
