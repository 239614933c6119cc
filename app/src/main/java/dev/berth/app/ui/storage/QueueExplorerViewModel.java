package dev.berth.app.ui.storage;

import dev.berth.app.ui.DialogService;
import dev.berth.app.ui.fx.TaskExecutor;
import dev.berth.app.ui.fx.Ticker;
import dev.berth.runner.queue.QueueCounts;
import dev.berth.runner.queue.QueueLimits;
import dev.berth.runner.queue.QueueMessage;
import dev.berth.runner.trigger.ProjectStorage;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Duration;
import java.util.List;

/// The queue explorer: every queue with its visible / in-flight / poison counts, the first 32 messages of
/// the selected one (peeked: nothing is dequeued), enqueue and re-drive. While visible it refreshes every
/// second, off the FX thread; hidden, it does not poll. Store errors are shown as their message (it names
/// the fix). FX thread only.
public final class QueueExplorerViewModel {
    static final Duration PERIOD = Duration.ofSeconds(1);

    private final StorageAccess access;
    private final TaskExecutor tasks;
    private final DialogService dialogs;
    private final StatusLine status = new StatusLine();
    private final ObservableList<QueueCounts> queues = FXCollections.observableArrayList();
    private final ObservableList<QueueCounts> queuesView = FXCollections.unmodifiableObservableList(queues);
    private final ObservableList<QueueMessage> messages = FXCollections.observableArrayList();
    private final ObservableList<QueueMessage> messagesView = FXCollections.unmodifiableObservableList(messages);
    private final ObjectProperty<String> selectedQueue = new SimpleObjectProperty<>(this, "selectedQueue");
    private final ObjectProperty<String> selectedMessage = new SimpleObjectProperty<>(this, "selectedMessage");
    private final ReadOnlyStringWrapper detail = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper redriveFrom = new ReadOnlyStringWrapper("");
    private final BooleanBinding canRedrive = redriveFrom.isNotEmpty();
    private final StoragePoller<Snapshot> poller;

    public QueueExplorerViewModel(StorageAccess access, TaskExecutor tasks, DialogService dialogs, Ticker ticker) {
        this.access = access;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.poller = new StoragePoller<>(access, tasks, ticker, PERIOD, () -> {
            var queue = selectedQueue.get();
            return storage -> read(storage, queue);
        }, this::apply, status::failed);
        selectedQueue.addListener((o, was, now) -> {
            messages.clear();
            updateRedrive();
            refresh();
        });
        selectedMessage.addListener((o, was, now) -> updateDetail());
        messages.addListener((javafx.collections.ListChangeListener<QueueMessage>) c -> updateDetail());
    }

    /// Shown: refresh now and every second; hidden: stop polling.
    public void setVisible(boolean visible) { poller.setVisible(visible); }

    /// Refreshes when shown (after the storage behind it changed).
    void refreshIfVisible() {
        if (poller.isVisible()) refresh();
    }

    /// Reads counts and the selected queue's messages in the background (one read at a time; a request
    /// while one runs is served right after it).
    public void refresh() { poller.refresh(); }

    private record Snapshot(String queue, List<QueueCounts> counts, List<QueueMessage> messages) {}

    private static Snapshot read(ProjectStorage storage, String queue) {
        var counts = storage.queues().counts();
        boolean exists = queue != null && counts.stream().anyMatch(c -> c.queue().equals(queue));
        return new Snapshot(queue, counts, exists ? storage.queues().peek(queue, QueueLimits.MAX_BATCH) : List.of());
    }

    private void apply(Snapshot snapshot) {
        status.clearUnavailable();
        if (!queues.equals(snapshot.counts())) queues.setAll(snapshot.counts());
        if (java.util.Objects.equals(snapshot.queue(), selectedQueue.get()) && !messages.equals(snapshot.messages())) {
            messages.setAll(snapshot.messages());
        }
        updateRedrive();
    }

    private void updateDetail() {
        var id = selectedMessage.get();
        detail.set(messages.stream().filter(m -> m.id().equals(id)).findFirst()
                .map(m -> MessageText.detail(m.text())).orElse(""));
    }

    /// What "Re-drive poison" moves back: the selected queue when it is a poison queue with messages,
    /// else the selected queue's poison queue when that has messages.
    private void updateRedrive() {
        var name = selectedQueue.get();
        var row = queues.stream().filter(c -> c.queue().equals(name)).findFirst().orElse(null);
        if (row == null) redriveFrom.set("");
        else if (name.endsWith(QueueLimits.POISON_SUFFIX)) redriveFrom.set(row.total() > 0 ? name : "");
        else redriveFrom.set(row.poison() > 0 ? name + QueueLimits.POISON_SUFFIX : "");
    }

    /// Asks for a message (the dialog starts on the selected queue) and puts it, creating the queue when new.
    public void enqueue() {
        var current = selectedQueue.get();
        dialogs.showEnqueue(current == null ? "" : current).ifPresent(this::put);
    }

    /// Puts `request` (creating its queue when missing) in the background.
    public void put(EnqueueRequest request) {
        tasks.run(() -> access.call(storage -> {
            storage.queues().createIfNotExists(request.queue());
            return storage.queues().put(request.queue(), request.text());
        }), message -> {
            status.info("Put message " + message.id() + " on " + message.queue() + ".");
            if (message.queue().equals(selectedQueue.get())) refresh();
            else selectedQueue.set(message.queue());
        }, status::failed);
    }

    /// Moves every message of the poison queue named by `redriveFromProperty` back to its queue.
    public void redrive() {
        var poison = redriveFrom.get();
        if (poison.isEmpty()) return;
        var target = poison.substring(0, poison.length() - QueueLimits.POISON_SUFFIX.length());
        tasks.run(() -> access.call(storage -> storage.queues().redrive(poison)), moved -> {
            status.info("Re-drove " + moved + (moved == 1 ? " message" : " messages") + " from " + poison + " to "
                    + target + ".");
            refresh();
        }, status::failed);
    }

    /// Stops polling (the project closes).
    public void dispose() { setVisible(false); }

    /// Queues with their counts, poison queues included, sorted by name.
    public ObservableList<QueueCounts> queues() { return queuesView; }

    /// Up to 32 messages of the selected queue, oldest first.
    public ObservableList<QueueMessage> messages() { return messagesView; }

    /// The queue the view selected (null for none); writable by the view.
    public ObjectProperty<String> selectedQueueProperty() { return selectedQueue; }

    /// The id of the message the view selected (null for none); writable by the view.
    public ObjectProperty<String> selectedMessageProperty() { return selectedMessage; }

    /// The selected message's full text, indented when JSON.
    public ReadOnlyStringProperty detailProperty() { return detail.getReadOnlyProperty(); }

    /// The poison queue "Re-drive" would empty, "" when there is nothing to re-drive.
    public ReadOnlyStringProperty redriveFromProperty() { return redriveFrom.getReadOnlyProperty(); }

    public BooleanBinding canRedriveProperty() { return canRedrive; }

    public StatusLine status() { return status; }

    /// Kept for the view's label binding: "Re-drive poison (3)".
    public javafx.beans.binding.StringBinding redriveTextProperty() {
        return Bindings.createStringBinding(() -> {
            var poison = redriveFrom.get();
            var row = queues.stream().filter(c -> c.queue().equals(poison)).findFirst();
            return row.map(c -> "Re-drive poison (" + c.total() + ")").orElse("Re-drive poison");
        }, redriveFrom, queues);
    }
}
