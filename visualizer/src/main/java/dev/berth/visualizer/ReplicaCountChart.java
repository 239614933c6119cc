package dev.berth.visualizer;

import javafx.scene.layout.BorderPane;

import java.time.Instant;

/// A live step chart of replica counts over the last minutes: ready replicas and all replicas. FX thread only.
public class ReplicaCountChart extends BorderPane {
    public void record(Instant at, int ready, int total) { }
}
