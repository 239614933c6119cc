package dev.berth.app.ui.storage;

import dev.berth.app.ui.fakes.FakeDialogs;
import dev.berth.app.ui.fakes.ManualTicker;
import dev.berth.app.ui.fakes.SameThreadTaskExecutor;
import dev.berth.runner.queue.QueueCounts;
import dev.berth.runner.queue.QueueMessage;
import dev.berth.runner.trigger.ProjectStorage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class QueueExplorerViewModelTest {
    @TempDir Path project;
    private final FakeDialogs dialogs = new FakeDialogs();
    private final ManualTicker ticker = new ManualTicker();
    private StorageAccess access;
    private ProjectStorage seed;
    private QueueExplorerViewModel model;

    @BeforeEach
    void open() throws Exception {
        access = new StorageAccess(project.resolve(".berth"), Clock.systemUTC());
        seed = ProjectStorage.open(project.resolve(".berth"), Clock.systemUTC());
        model = new QueueExplorerViewModel(access, new SameThreadTaskExecutor(), dialogs, ticker);
    }

    @AfterEach
    void close() {
        model.dispose();
        access.close();
        seed.close();
    }

    @Test
    void setVisible_listsQueuesWithVisibleInFlightAndPoisonCounts() {
        seed.queues().createIfNotExists("orders");
        seed.queues().put("orders", "a");
        seed.queues().put("orders", "b");
        seed.queues().get("orders", 1, Duration.ofMinutes(1));
        seed.queues().createIfNotExists("orders-poison");
        seed.queues().put("orders-poison", "bad");

        model.setVisible(true);

        assertThat(model.queues()).containsExactly(new QueueCounts("orders", 1, 1, 1),
                new QueueCounts("orders-poison", 1, 0, 0));
    }

    @Test
    void ticks_whileVisible_pickUpNewQueues_andHiddenStopsPolling() {
        model.setVisible(true);
        seed.queues().createIfNotExists("late");
        ticker.tick();
        assertThat(model.queues()).extracting(QueueCounts::queue).containsExactly("late");

        model.setVisible(false);
        seed.queues().createIfNotExists("later");
        ticker.tick();

        assertThat(ticker.runningCount()).isZero();
        assertThat(model.queues()).extracting(QueueCounts::queue).containsExactly("late");
    }

    @Test
    void selectQueue_peeksItsMessages_andDetailIndentsJson() {
        seed.queues().createIfNotExists("orders");
        var first = seed.queues().put("orders", "{\"id\":1,\"item\":\"tea\"}");
        seed.queues().put("orders", "plain text");
        model.setVisible(true);

        model.selectedQueueProperty().set("orders");
        model.selectedMessageProperty().set(first.id());

        assertThat(model.messages()).extracting(QueueMessage::text).containsExactly("{\"id\":1,\"item\":\"tea\"}",
                "plain text");
        assertThat(model.messages()).allSatisfy(m -> assertThat(m.popReceipt()).isNull());
        assertThat(model.detailProperty().get()).isEqualTo("{\n  \"id\" : 1,\n  \"item\" : \"tea\"\n}");
        assertThat(seed.queues().counts("orders").visible()).isEqualTo(2); // peeking dequeues nothing
    }

    @Test
    void enqueue_throughTheDialog_createsTheQueueAndPutsTheMessage() {
        model.setVisible(true);
        dialogs.enqueue = queue -> Optional.of(new EnqueueRequest("new-orders", "{\"id\": 7}"));

        model.enqueue();

        assertThat(seed.queues().peek("new-orders", 32)).extracting(QueueMessage::text).containsExactly("{\"id\": 7}");
        assertThat(model.selectedQueueProperty().get()).isEqualTo("new-orders");
        assertThat(model.messages()).hasSize(1);
        assertThat(model.status().textProperty().get()).startsWith("Put message ").endsWith(" on new-orders.");
        assertThat(model.status().errorProperty().get()).isFalse();
    }

    @Test
    void enqueue_nameAzureRejects_showsTheStoresMessageWithTheFix() {
        dialogs.enqueue = queue -> Optional.of(new EnqueueRequest("My_Queue", "x"));

        model.enqueue();

        assertThat(model.status().errorProperty().get()).isTrue();
        assertThat(model.status().textProperty().get()).contains("'My_Queue'").contains("lowercase letters")
                .contains("e.g. 'my-queue'");
    }

    @Test
    void redrive_selectedPoisonQueue_movesEveryMessageBackAndSaysHowMany() {
        seed.queues().createIfNotExists("orders-poison");
        seed.queues().put("orders-poison", "one");
        seed.queues().put("orders-poison", "two");
        model.setVisible(true);
        model.selectedQueueProperty().set("orders-poison");
        assertThat(model.canRedriveProperty().get()).isTrue();

        model.redrive();

        assertThat(seed.queues().counts("orders").visible()).isEqualTo(2);
        assertThat(seed.queues().counts("orders-poison").total()).isZero();
        assertThat(model.status().textProperty().get()).isEqualTo("Re-drove 2 messages from orders-poison to orders.");
        assertThat(model.canRedriveProperty().get()).isFalse();
    }

    @Test
    void redrive_selectedSourceQueueWithPoison_redrivesItsPoisonQueue() {
        seed.queues().createIfNotExists("orders");
        seed.queues().createIfNotExists("orders-poison");
        seed.queues().put("orders-poison", "bad");
        model.setVisible(true);
        model.selectedQueueProperty().set("orders");

        assertThat(model.redriveFromProperty().get()).isEqualTo("orders-poison");
        assertThat(model.redriveTextProperty().get()).isEqualTo("Re-drive poison (1)");
        model.redrive();

        assertThat(model.messages()).extracting(QueueMessage::text).containsExactly("bad");
        assertThat(model.messages().getFirst().dequeueCount()).isZero();
    }
}
