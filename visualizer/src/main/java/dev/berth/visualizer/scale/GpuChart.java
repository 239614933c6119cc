package dev.berth.visualizer.scale;

import javafx.beans.value.ObservableValue;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.css.StyleableProperty;
import javafx.css.StyleablePropertyFactory;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;

import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/// The GPUs of one revision's replicas over time, drawn under the scale chart and following its revision and
/// window: per replica, utilisation (solid) and memory held (dashed) in percent, and a legend with each
/// replica's devices and latest figures. Drawn on one canvas from a [GpuHistory]; [#refresh] after a change
/// redraws, and a one-second ticker moves the time axis on while the chart is in a scene. Colours come from
/// CSS (`-berth-gpu-color-1` … `-4`, scale.css). FX thread only.
public final class GpuChart extends BorderPane {
    private static final StyleablePropertyFactory<GpuChart> CSS =
            new StyleablePropertyFactory<>(BorderPane.getClassCssMetaData());

    private final StyleableProperty<Color> colour1 = colour("gpuColor1", "-berth-gpu-color-1", c -> c.colour1, Color.SEAGREEN);
    private final StyleableProperty<Color> colour2 = colour("gpuColor2", "-berth-gpu-color-2", c -> c.colour2, Color.ROYALBLUE);
    private final StyleableProperty<Color> colour3 = colour("gpuColor3", "-berth-gpu-color-3", c -> c.colour3, Color.DARKORANGE);
    private final StyleableProperty<Color> colour4 = colour("gpuColor4", "-berth-gpu-color-4", c -> c.colour4, Color.PURPLE);
    private final StyleableProperty<Color> gridColor = colour("gridColor", "-berth-grid-color", c -> c.gridColor, Color.LIGHTGRAY);
    private final StyleableProperty<Color> axisColor = colour("axisColor", "-berth-axis-color", c -> c.axisColor, Color.GRAY);

    private final GpuHistory history;
    private final ScaleChart follows;
    private final Clock clock;
    private final ZoneId zone;
    private final LiveCanvas plot = new LiveCanvas(this::redraw);
    private final Canvas canvas = plot.canvas();
    private final FlowPane legend = new FlowPane();
    private long drawnChanges = -1;

    /// Shows the revision and window `follows` shows.
    public GpuChart(GpuHistory history, ScaleChart follows, Clock clock, ZoneId zone) {
        this.history = history;
        this.follows = follows;
        this.clock = clock;
        this.zone = zone;
        getStyleClass().addAll("berth-scale-chart", "berth-gpu-chart");
        getStylesheets().add(ScaleChart.STYLESHEET);
        setCenter(plot);
        var title = new Label("GPU: utilisation (solid) and memory held (dashed), % of each replica's GPUs");
        title.getStyleClass().add("gpu-title");
        legend.setId("gpuLegend");
        legend.getStyleClass().add("chart-legend");
        setTop(new VBox(title, legend));
        follows.revisionProperty().addListener((o, was, now) -> redraw());
        follows.windowProperty().addListener((o, was, now) -> redraw());
        for (var c : List.of(colour1, colour2, colour3, colour4, gridColor, axisColor)) {
            ((ObservableValue<?>) c).addListener((obs, old, now) -> redraw());
        }
    }

    /// Redraws if the history changed since the last frame.
    public void refresh() {
        if (history.changes() != drawnChanges) redraw();
    }

    /// The legend's lines, for tests: one per replica of the shown revision.
    public List<String> legendLines() {
        return legend.getChildren().stream().map(n -> ((Label) n).getText()).toList();
    }

    private void redraw() {
        drawnChanges = history.changes();
        var revision = follows.revisionProperty().getValue();
        var replicas = revision == null ? java.util.Map.<String, GpuHistory.Replica>of() : history.replicas(revision);
        var colours = List.of(colour1.getValue(), colour2.getValue(), colour3.getValue(), colour4.getValue());
        new GpuPainter(canvas.getGraphicsContext2D(), canvas.getWidth(), canvas.getHeight(), gridColor.getValue(),
                axisColor.getValue(), zone).paint(replicas, colours, clock.instant(), follows.windowProperty().getValue());
        var lines = new ArrayList<Label>();
        int i = 0;
        for (var entry : replicas.entrySet()) lines.add(legendLine(entry.getKey(), entry.getValue().latest(), i++));
        if (!legendLines().equals(lines.stream().map(Label::getText).toList())) legend.getChildren().setAll(lines);
    }

    private static Label legendLine(String replica, GpuHistory.Latest latest, int index) {
        Region swatch = new Region();
        swatch.getStyleClass().addAll("legend-swatch", "legend-gpu-" + (index % 4 + 1));
        var text = String.format(Locale.ROOT, "%s · GPU %s · %.0f%% · %s / %s", replica, String.join(",", latest.devices()),
                latest.utilisationPercent(), gib(latest.memoryUsedMiB()), gib(latest.memoryTotalMiB()));
        var label = new Label(text, swatch);
        label.getStyleClass().add("legend-item");
        return label;
    }

    /// "812 MiB" below a GiB, else "9.6 GiB".
    static String gib(long mib) {
        return mib < 1024 ? mib + " MiB" : String.format(Locale.ROOT, "%.1f GiB", mib / 1024.0);
    }

    private StyleableProperty<Color> colour(String property, String css, Function<GpuChart, StyleableProperty<Color>> field,
                                            Color initial) {
        return CSS.createStyleableColorProperty(this, property, css, field, initial);
    }

    public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() { return CSS.getCssMetaData(); }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() { return CSS.getCssMetaData(); }
}
