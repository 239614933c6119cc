package dev.berth.app.ui.storage;

import dev.berth.runner.queue.QueueCounts;
import dev.berth.runner.queue.QueueMessage;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.feather.Feather;

import static dev.berth.app.ui.storage.Explorers.column;

/// The queue explorer: queues with their counts on the left, the selected queue's messages on the right
/// with the selected message's full text below them. FX thread only.
public final class QueueExplorerView extends BorderPane {
    public QueueExplorerView(QueueExplorerViewModel model) {
        setId("queueExplorer");
        getStyleClass().add("storage-explorer");
        var queues = queueTable(model);
        var messages = messageTable(model);
        var detail = new TextArea();
        detail.setId("messageDetail");
        detail.setEditable(false);
        detail.getStyleClass().add("message-detail");
        detail.setPromptText("Select a message to see its full text.");
        detail.textProperty().bind(model.detailProperty());
        var right = new SplitPane(messages, detail);
        right.setOrientation(Orientation.VERTICAL);
        right.setDividerPositions(0.6);
        var split = new SplitPane(queues, right);
        split.setDividerPositions(0.33);
        setTop(toolbar(model));
        setCenter(split);
        setBottom(Explorers.status("queueStatus", model.status()));
    }

    private static ToolBar toolbar(QueueExplorerViewModel model) {
        Button enqueue = Explorers.button("enqueueButton", "Enqueue…", Feather.PLUS_SQUARE,
                "Put a message on the selected queue (or on a new one)");
        enqueue.setOnAction(e -> model.enqueue());
        Button redrive = Explorers.button("redriveButton", "Re-drive poison", Feather.CORNER_UP_LEFT,
                "Move the poison messages back to their queue, visible at once with dequeue count 0");
        redrive.textProperty().bind(model.redriveTextProperty());
        redrive.disableProperty().bind(model.canRedriveProperty().not());
        redrive.setOnAction(e -> model.redrive());
        Button refresh = Explorers.button("refreshQueuesButton", null, Feather.REFRESH_CW, "Refresh now");
        refresh.getStyleClass().addAll(atlantafx.base.theme.Styles.BUTTON_ICON, atlantafx.base.theme.Styles.FLAT);
        refresh.setOnAction(e -> model.refresh());
        var spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        var hint = new Label("Peek shows up to 32 messages; nothing is dequeued.");
        hint.getStyleClass().add("muted");
        return new ToolBar(enqueue, redrive, spacer, hint, refresh);
    }

    private static TableView<QueueCounts> queueTable(QueueExplorerViewModel model) {
        var table = new TableView<QueueCounts>();
        table.setId("queueList");
        table.setPlaceholder(new Label("No queues yet. Enqueue a message, or run a function with a queue binding."));
        table.getColumns().addAll(java.util.List.of(column("Queue", 170, QueueCounts::queue),
                column("Visible", 64, QueueCounts::visible), column("In flight", 70, QueueCounts::invisible),
                column("Poison", 64, QueueCounts::poison)));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Explorers.bind(table, model.queues(), model.selectedQueueProperty(), QueueCounts::queue);
        return table;
    }

    private static TableView<QueueMessage> messageTable(QueueExplorerViewModel model) {
        var table = new TableView<QueueMessage>();
        table.setId("queueMessages");
        table.setPlaceholder(new Label("Select a queue to peek at its messages."));
        table.getColumns().addAll(java.util.List.of(column("Id", 110, m -> shortId(m.id())),
                column("Dequeues", 80, QueueMessage::dequeueCount),
                column("Inserted", 156, m -> Explorers.time(m.insertionTime())),
                column("Expires", 156, m -> Explorers.time(m.expirationTime())),
                column("Text", 320, m -> MessageText.preview(m.text()))));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Explorers.bind(table, model.messages(), model.selectedMessageProperty(), QueueMessage::id);
        return table;
    }

    private static String shortId(String id) { return id.length() > 13 ? id.substring(0, 13) + "…" : id; }
}
