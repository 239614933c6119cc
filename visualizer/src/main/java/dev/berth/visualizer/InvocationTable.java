package dev.berth.visualizer;

import javafx.scene.control.ListView;

import java.util.List;

/// Placeholder (the visualizer helper owns the real one): finished invocations. FX thread only.
public class InvocationTable extends ListView<InvocationRow> {
    public void add(List<InvocationRow> rows) { getItems().addAll(rows); }

    public void clear() { getItems().clear(); }
}
