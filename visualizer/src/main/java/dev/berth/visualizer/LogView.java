package dev.berth.visualizer;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.BorderPane;

import java.time.ZoneId;
import java.util.List;

/// A virtualized, filterable log. Keeps at most `capacity` lines (oldest dropped). Callers hand it
/// batches (see `Coalescer`), never single lines at high rate: one batch costs O(batch) model work,
/// one layout of the visible cells, and JavaFX's own pass over the line count in its VirtualFlow
/// (a few ms at 100k lines; see `LogViewMemoryBench`). While "follow" is on the view stays at the newest line;
/// scrolling up turns it off, scrolling back to the bottom turns it on again. Ctrl+C copies the
/// selected lines. FX thread only.
public final class LogView extends BorderPane {
    static final String EMPTY = "No log lines yet";
    static final String NO_MATCH = "No lines match the filter";
    private static final KeyCombination COPY = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);

    private final StringProperty textFilter = new SimpleStringProperty(this, "textFilter", "");
    private final ObjectProperty<String> sourceFilter = new SimpleObjectProperty<>(this, "sourceFilter");
    private final BooleanProperty follow = new SimpleBooleanProperty(this, "follow", true);
    private final LogModel model;
    private final ListView<LogEntry> list = new ListView<>();
    private final ZoneId zone;
    private final Label placeholder = new Label(EMPTY);

    public LogView(int capacity) {
        this(capacity, ZoneId.systemDefault());
    }

    public LogView(int capacity, ZoneId zone) {
        this.model = new LogModel(capacity);
        this.zone = zone;
        getStyleClass().add("berth-log-view");
        getStylesheets().add(Styles.STYLESHEET);
        list.getStyleClass().add("log-list");
        list.setItems(model.visible());
        // A fixed cell size spares the flow from measuring each cell it shows.
        list.setFixedCellSize(22);
        list.setCellFactory(ignored -> new LogCell(zone));
        list.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        list.setPlaceholder(placeholder);
        textFilter.addListener((obs, old, text) -> refiltered(() -> model.setTextFilter(text)));
        sourceFilter.addListener((obs, old, source) -> refiltered(() -> model.setSourceFilter(source)));
        follow.addListener((obs, old, on) -> {
            if (on) {
                scrollToEnd();
            }
        });
        list.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        list.addEventFilter(ScrollEvent.SCROLL, this::onScroll);
        setTop(new LogToolbar(this, model.sources()));
        setCenter(list);
    }

    public void append(List<LogEntry> batch) {
        model.append(batch);
        afterChange();
    }

    public void clear() {
        model.clear();
        afterChange();
    }

    /// Lines must contain this text (case-insensitive); "" shows all.
    public StringProperty textFilterProperty() {
        return textFilter;
    }

    /// Only lines of this source (replica id); null shows all.
    public ObjectProperty<String> sourceFilterProperty() {
        return sourceFilter;
    }

    /// Whether the view keeps the newest line in sight.
    public BooleanProperty followProperty() {
        return follow;
    }

    /// Lines held (before filtering).
    public int size() {
        return model.size();
    }

    /// The lines that pass the filters, oldest first. Read-only.
    public ObservableList<LogEntry> visibleLines() {
        return model.visible();
    }

    /// The selected lines as clipboard text; "" when none is selected.
    public String selectedText() {
        return Formats.logLines(List.copyOf(list.getSelectionModel().getSelectedItems()), zone);
    }

    /// Copies the selected lines to the system clipboard.
    public void copySelection() {
        String text = selectedText();
        if (!text.isEmpty()) {
            ClipboardContent content = new ClipboardContent();
            content.putString(text);
            Clipboard.getSystemClipboard().setContent(content);
        }
    }

    ListView<LogEntry> listView() {
        return list;
    }

    private void refiltered(Runnable change) {
        change.run();
        afterChange();
    }

    private void afterChange() {
        placeholder.setText(model.size() == 0 ? EMPTY : NO_MATCH);
        if (follow.get()) {
            scrollToEnd();
        }
    }

    private void scrollToEnd() {
        int n = list.getItems().size();
        if (n > 0) {
            list.scrollTo(n - 1);
        }
    }

    private void onKey(KeyEvent event) {
        if (COPY.match(event)) {
            copySelection();
            event.consume();
            return;
        }
        switch (event.getCode()) {
            case UP, PAGE_UP, HOME -> follow.set(false);
            case END -> follow.set(true);
            default -> { }
        }
    }

    private void onScroll(ScrollEvent event) {
        if (event.getDeltaY() > 0) {
            follow.set(false);
        } else if (event.getDeltaY() < 0 && lastLineVisible()) {
            follow.set(true);
        }
    }

    private boolean lastLineVisible() {
        if (list.lookup(".virtual-flow") instanceof VirtualFlow<?> flow) {
            IndexedCell<?> cell = flow.getLastVisibleCell();
            return cell == null || cell.getIndex() >= list.getItems().size() - 1;
        }
        return true;
    }
}
