package dev.berth.visualizer;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.layout.BorderPane;

import java.util.List;

/// A virtualized, filterable log. Keeps at most `capacity` lines (oldest dropped). Callers hand it
/// batches (see `Coalescer`), never single lines at high rate. FX thread only.
public class LogView extends BorderPane {
    private final StringProperty textFilter = new SimpleStringProperty("");
    private final ObjectProperty<String> sourceFilter = new SimpleObjectProperty<>(null);

    public LogView(int capacity) { }

    public void append(List<LogEntry> batch) { }

    public void clear() { }

    /// Lines must contain this text (case-insensitive); "" shows all.
    public StringProperty textFilterProperty() { return textFilter; }

    /// Only lines of this source (replica id); null shows all.
    public ObjectProperty<String> sourceFilterProperty() { return sourceFilter; }

    /// Lines held (before filtering).
    public int size() { return 0; }
}
