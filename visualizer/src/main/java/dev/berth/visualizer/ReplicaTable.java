package dev.berth.visualizer;

import javafx.scene.control.ListView;

import java.util.List;

/// Placeholder (the visualizer helper owns the real one): the replicas of a run. FX thread only.
public class ReplicaTable extends ListView<ReplicaRow> {
    public void update(List<ReplicaRow> rows) { getItems().setAll(rows); }
}
