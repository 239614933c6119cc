package dev.berth.visualizer.jobs;

import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.util.Duration;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/// The lanes of one execution: a row per replica index, labelled "#0", "#1" …, with a bar per attempt placed
/// by its start and end relative to the execution's start, on a scale shared by every row of the timeline
/// (so rows compare). Retries sit on the same lane after the attempt they repeat. A click on a bar hands
/// it to `onSelect`. FX thread only.
final class AttemptLanes extends Region {
    static final double LANE = 22;
    static final double GAP = 3;
    static final double LANE_LABEL = 26;
    private static final double MIN_BAR = 4;

    private final List<Label> laneLabels = new ArrayList<>();
    private final List<Label> bars = new ArrayList<>();
    private ExecutionRow row;
    private Instant now = Instant.EPOCH;
    private double scaleMillis = 1;

    AttemptLanes() {
        getStyleClass().add("attempt-lanes");
        setMinWidth(80);
    }

    /// Shows `shown` with its bars scaled so that `scale` fills the width; `selected` gets the selected look.
    void show(ExecutionRow shown, Instant at, double scale, AttemptBar selected, ZoneId zone, Consumer<AttemptBar> onSelect) {
        row = shown;
        now = at;
        scaleMillis = Math.max(1, scale);
        getChildren().clear();
        laneLabels.clear();
        bars.clear();
        for (int lane = 0; lane < shown.lanes(); lane++) {
            var label = new Label("#" + lane);
            label.getStyleClass().add("lane-label");
            laneLabels.add(label);
        }
        for (var attempt : shown.attempts()) {
            var bar = new Label(attempt.shortText());
            bar.getStyleClass().addAll("attempt-bar", attempt.status().styleClass());
            if (attempt.equals(selected)) bar.getStyleClass().add("selected");
            bar.setTextOverrun(OverrunStyle.CLIP);
            bar.setMinWidth(0);
            bar.setUserData(attempt);
            var tip = new Tooltip(attempt.summary(at, zone));
            tip.setShowDelay(Duration.millis(200));
            bar.setTooltip(tip);
            bar.setOnMouseClicked(e -> onSelect.accept(attempt));
            bars.add(bar);
        }
        getChildren().addAll(laneLabels);
        getChildren().addAll(bars);
        requestLayout();
    }

    /// Moves the bars for a later `at` and a new scale (running bars grow); no nodes change.
    void retime(Instant at, double scale) {
        now = at;
        scaleMillis = Math.max(1, scale);
        requestLayout();
    }

    @Override
    protected double computePrefHeight(double width) {
        int lanes = row == null ? 1 : row.lanes();
        return lanes * LANE + (lanes - 1) * GAP;
    }

    @Override
    protected void layoutChildren() {
        if (row == null) return;
        double plot = Math.max(1, getWidth() - LANE_LABEL);
        for (int lane = 0; lane < laneLabels.size(); lane++) {
            laneLabels.get(lane).resizeRelocate(0, y(lane), LANE_LABEL - 4, LANE);
        }
        for (var bar : bars) {
            var attempt = (AttemptBar) bar.getUserData();
            double start = java.time.Duration.between(row.started(), attempt.started()).toMillis();
            double length = attempt.duration(now).toMillis();
            double x = LANE_LABEL + Math.max(0, start) / scaleMillis * plot;
            double w = Math.max(MIN_BAR, Math.min(length / scaleMillis * plot, getWidth() - x));
            bar.resizeRelocate(Math.floor(x), y(attempt.replica()), Math.max(MIN_BAR, Math.floor(w) - 1), LANE);
        }
    }

    private static double y(int lane) { return lane * (LANE + GAP); }
}
