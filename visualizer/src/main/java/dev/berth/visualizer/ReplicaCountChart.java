package dev.berth.visualizer;

import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.css.CssMetaData;
import javafx.css.SimpleStyleableObjectProperty;
import javafx.css.StyleConverter;
import javafx.css.Styleable;
import javafx.css.StyleableObjectProperty;
import javafx.css.StyleableProperty;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.util.Duration;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

/// A live step chart of replica counts over the last minutes (5 by default): ready replicas and all
/// replicas, on an integer axis. Drawn on one canvas, so a redraw costs O(samples in the window) and
/// no nodes; the colours come from CSS (`-berth-ready-color` …, set from the theme's looked-up
/// colours in visualizer.css). It redraws on each `record` and once a second while in a scene, so
/// the time axis moves on when nothing happens. FX thread only.
public final class ReplicaCountChart extends BorderPane {
    private static final CssMetaData<ReplicaCountChart, Paint> READY =
            paint("-berth-ready-color", chart -> chart.readyColor, Color.SEAGREEN);
    private static final CssMetaData<ReplicaCountChart, Paint> TOTAL =
            paint("-berth-total-color", chart -> chart.totalColor, Color.ROYALBLUE);
    private static final CssMetaData<ReplicaCountChart, Paint> GRID =
            paint("-berth-grid-color", chart -> chart.gridColor, Color.LIGHTGRAY);
    private static final CssMetaData<ReplicaCountChart, Paint> AXIS =
            paint("-berth-axis-color", chart -> chart.axisColor, Color.GRAY);
    private static final List<CssMetaData<? extends Styleable, ?>> CSS = cssMetaData();

    private final StyleableObjectProperty<Paint> readyColor = styleable(READY, "readyColor");
    private final StyleableObjectProperty<Paint> totalColor = styleable(TOTAL, "totalColor");
    private final StyleableObjectProperty<Paint> gridColor = styleable(GRID, "gridColor");
    private final StyleableObjectProperty<Paint> axisColor = styleable(AXIS, "axisColor");
    private final ReplicaCountHistory history;
    private final Clock clock;
    private final Canvas canvas = new Canvas();
    private final Timeline ticker = new Timeline(new KeyFrame(Duration.seconds(1), ignored -> redraw()));

    public ReplicaCountChart() {
        this(java.time.Duration.ofMinutes(5), Clock.systemUTC());
    }

    public ReplicaCountChart(java.time.Duration window, Clock clock) {
        this.history = new ReplicaCountHistory(window);
        this.clock = clock;
        getStyleClass().add("berth-replica-chart");
        getStylesheets().add(Styles.STYLESHEET);
        Pane plot = new Pane(canvas) {
            @Override
            protected void layoutChildren() {
                canvas.setWidth(getWidth());
                canvas.setHeight(getHeight());
                redraw();
            }
        };
        plot.getStyleClass().add("chart-plot");
        plot.setMinSize(0, 0);
        setCenter(plot);
        setTop(legend());
        ticker.setCycleCount(Animation.INDEFINITE);
        sceneProperty().addListener((obs, old, scene) -> {
            if (scene == null) {
                ticker.stop();
            } else {
                ticker.play();
            }
        });
        for (StyleableObjectProperty<Paint> colour : List.of(readyColor, totalColor, gridColor, axisColor)) {
            colour.addListener((obs, old, now) -> redraw());
        }
    }

    /// Adds a sample: from `at` on, `ready` of `total` replicas were ready.
    public void record(Instant at, int ready, int total) {
        history.record(at, ready, total);
        redraw();
    }

    /// The samples held (those in the window, and the one before it).
    public List<ReplicaCountHistory.Sample> samples() {
        return history.samples();
    }

    public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() {
        return CSS;
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return CSS;
    }

    private void redraw() {
        Instant now = clock.instant();
        history.prune(now);
        new ChartPainter(canvas.getGraphicsContext2D(), canvas.getWidth(), canvas.getHeight(),
                new ChartPainter.Colours(readyColor.get(), totalColor.get(), gridColor.get(), axisColor.get()),
                clock.getZone()).paint(history, now);
    }

    private HBox legend() {
        HBox legend = new HBox(legendItem("Ready", "legend-ready"), legendItem("Total", "legend-total"));
        legend.getStyleClass().add("chart-legend");
        return legend;
    }

    private static Label legendItem(String text, String styleClass) {
        Region swatch = new Region();
        swatch.getStyleClass().addAll("legend-swatch", styleClass);
        Label label = new Label(text, swatch);
        label.getStyleClass().add("legend-item");
        return label;
    }

    private StyleableObjectProperty<Paint> styleable(CssMetaData<ReplicaCountChart, Paint> meta, String name) {
        return new SimpleStyleableObjectProperty<>(meta, this, name, meta.getInitialValue(this));
    }

    private static CssMetaData<ReplicaCountChart, Paint> paint(String property,
            Function<ReplicaCountChart, StyleableObjectProperty<Paint>> field, Paint initial) {
        return new CssMetaData<>(property, StyleConverter.getPaintConverter(), initial) {
            @Override
            public boolean isSettable(ReplicaCountChart chart) {
                return !field.apply(chart).isBound();
            }

            @Override
            public StyleableProperty<Paint> getStyleableProperty(ReplicaCountChart chart) {
                return field.apply(chart);
            }
        };
    }

    private static List<CssMetaData<? extends Styleable, ?>> cssMetaData() {
        List<CssMetaData<? extends Styleable, ?>> all = new ArrayList<>(BorderPane.getClassCssMetaData());
        all.addAll(List.of(READY, TOTAL, GRID, AXIS));
        return Collections.unmodifiableList(all);
    }
}
