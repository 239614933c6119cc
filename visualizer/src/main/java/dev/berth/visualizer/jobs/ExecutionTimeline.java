package dev.berth.visualizer.jobs;

import dev.berth.visualizer.durable.TimeAxis;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/// A job's executions as a timeline: one row per execution (newest on top) with its facts on the left and
/// its replicas' attempts as bars on the right, every row on one relative scale (the longest execution fills
/// the width), with the scale's ticks above. A virtualized list, so thousands of executions cost the rows
/// in sight. While an execution runs the rows redraw twice a second, so running bars grow. A click on a bar
/// selects it ([#selectedAttemptProperty]). FX thread only.
public final class ExecutionTimeline extends BorderPane {
    static final String STYLESHEET = Objects.requireNonNull(ExecutionTimeline.class.getResource("jobs.css"),
            "dev/berth/visualizer/jobs/jobs.css is missing from the visualizer jar").toExternalForm();
    static final double INFO = 250;

    private final Clock clock;
    private final ZoneId zone;
    private final ObservableList<ExecutionRow> rows = FXCollections.observableArrayList();
    private final ListView<ExecutionRow> list = new ListView<>(rows);
    private final Pane axis = new Pane();
    private final ReadOnlyObjectWrapper<AttemptBar> selected = new ReadOnlyObjectWrapper<>(this, "selectedAttempt");
    private final javafx.animation.Timeline ticker =
            new javafx.animation.Timeline(new KeyFrame(Duration.millis(500), ignored -> tick()));
    /// The cells the list made (a screenful or so), so a tick can re-time them.
    private final List<Cell> cells = new java.util.ArrayList<>();
    private double scaleMillis = 1;
    private Instant now = Instant.EPOCH;

    public ExecutionTimeline(Clock clock, ZoneId zone) {
        this.clock = clock;
        this.zone = zone;
        getStyleClass().add("berth-execution-timeline");
        getStylesheets().add(STYLESHEET);
        list.setCellFactory(l -> {
            var cell = new Cell();
            cells.add(cell);
            return cell;
        });
        list.getStyleClass().add("execution-list");
        list.setPlaceholder(new Label("No executions of this job yet."));
        axis.getStyleClass().add("execution-axis");
        axis.setMinHeight(20);
        axis.setPrefHeight(20);
        axis.widthProperty().addListener((o, was, w) -> drawAxis());
        setTop(axis);
        setCenter(list);
        ticker.setCycleCount(Animation.INDEFINITE);
        sceneProperty().addListener((o, was, scene) -> updateTicker());
    }

    /// Shows `executions` (newest first). The selected attempt stays selected if it is still shown (by name,
    /// with its newest state), else the selection clears.
    public void setExecutions(List<ExecutionRow> executions) {
        now = clock.instant();
        var old = selected.get();
        rows.setAll(executions);
        selected.set(old == null ? null : find(old.name()).orElse(null));
        rescale();
        updateTicker();
        list.refresh();
    }

    public List<ExecutionRow> executions() { return List.copyOf(rows); }

    /// Selects the attempt named `name` (null or unknown: none).
    public void select(String name) { selected.set(name == null ? null : find(name).orElse(null)); list.refresh(); }

    public ReadOnlyObjectProperty<AttemptBar> selectedAttemptProperty() { return selected.getReadOnlyProperty(); }

    /// The bar nodes in sight, for tests: each carries its [AttemptBar] as user data.
    public List<javafx.scene.Node> visibleBars() {
        return list.lookupAll(".attempt-bar").stream().filter(javafx.scene.Node::isVisible).toList();
    }

    private Optional<AttemptBar> find(String name) {
        return rows.stream().flatMap(r -> r.attempts().stream()).filter(a -> a.name().equals(name)).findFirst();
    }

    /// Running bars grow: the cells in use move their bars (no new nodes, so a hovered bar keeps its tooltip).
    private void tick() {
        now = clock.instant();
        rescale();
        for (var cell : cells) cell.retime();
    }

    private void rescale() {
        double longest = 1;
        for (var row : rows) longest = Math.max(longest, row.span(now).toMillis());
        scaleMillis = longest * 1.04; // a little air after the longest bar
        drawAxis();
    }

    private void drawAxis() {
        axis.getChildren().clear();
        double plot = axis.getWidth() - INFO - AttemptLanes.LANE_LABEL - 24;
        if (plot <= 0 || rows.isEmpty()) return;
        long step = TimeAxis.step(scaleMillis, plot, 80);
        for (long t = 0; t <= scaleMillis; t += step) {
            var label = new Label(TimeAxis.offset(t, step));
            label.getStyleClass().add("axis-label");
            label.relocate(INFO + AttemptLanes.LANE_LABEL + 8 + t / scaleMillis * plot, 2);
            axis.getChildren().add(label);
        }
    }

    private void updateTicker() {
        if (getScene() != null && rows.stream().anyMatch(ExecutionRow::running)) ticker.play();
        else ticker.stop();
    }

    /// A row: the execution's name, status, start and trigger, then its lanes.
    private final class Cell extends ListCell<ExecutionRow> {
        private final Label name = new Label();
        private final Label status = new Label();
        private final Label facts = new Label();
        private final AttemptLanes lanes = new AttemptLanes();
        private final HBox box;

        Cell() {
            name.getStyleClass().add("execution-name");
            status.getStyleClass().add("execution-status");
            facts.getStyleClass().add("execution-facts");
            var info = new VBox(2, new HBox(6, status, name), facts);
            info.getStyleClass().add("execution-info");
            info.setMinWidth(INFO);
            info.setPrefWidth(INFO);
            info.setMaxWidth(INFO);
            HBox.setHgrow(lanes, Priority.ALWAYS);
            box = new HBox(8, info, lanes);
            getStyleClass().add("execution-cell");
        }

        @Override
        protected void updateItem(ExecutionRow row, boolean empty) {
            super.updateItem(row, empty);
            setText(null);
            if (empty || row == null) {
                setGraphic(null);
                return;
            }
            name.setText(row.name());
            status.setText(row.status());
            status.getStyleClass().removeIf(c -> c.startsWith("status-"));
            status.getStyleClass().add("status-" + row.status().toLowerCase(java.util.Locale.ROOT));
            facts.setTooltip(new javafx.scene.control.Tooltip(row.reason()));
            lanes.show(row, now, scaleMillis, selected.get(), zone, attempt -> {
                selected.set(attempt);
                list.refresh();
            });
            retime();
            setGraphic(box);
        }

        void retime() {
            var row = getItem();
            if (row == null || isEmpty()) return;
            lanes.retime(now, scaleMillis);
            facts.setText(dev.berth.visualizer.Formats.time(row.started(), zone) + " · " + row.trigger() + " · "
                    + row.succeeded() + "/" + row.completionCount() + " done · "
                    + TimeAxis.duration(row.span(now).toMillis()));
        }
    }
}
