package dev.berth.visualizer.scale;

import javafx.collections.FXCollections;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.css.StyleableProperty;
import javafx.css.StyleablePropertyFactory;
import javafx.geometry.Point2D;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.util.Duration;
import javafx.util.StringConverter;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/// The autoscaler of one revision over time: replicas ready (filled) and alive (solid), replicas wanted
/// (dashed), a marker per scale decision whose tooltip gives its reason and rule readings, and requests per
/// second and queue length on a second axis. A revision chooser and a window (5 minutes to 6 hours) on top.
/// Drawn on one canvas from a [ScaleHistory] the app fills; [#refresh] after a change redraws (at most once
/// per change count), and a one-second ticker moves the time axis on while the chart is in a scene. Colours
/// come from CSS (`-berth-desired-color` …, scale.css). FX thread only.
public final class ScaleChart extends BorderPane {
    static final String STYLESHEET = Objects.requireNonNull(ScaleChart.class.getResource("scale.css"),
            "dev/berth/visualizer/scale/scale.css is missing from the visualizer jar").toExternalForm();
    private static final StyleablePropertyFactory<ScaleChart> CSS =
            new StyleablePropertyFactory<>(BorderPane.getClassCssMetaData());
    private static final List<java.time.Duration> WINDOWS = List.of(java.time.Duration.ofMinutes(5),
            java.time.Duration.ofMinutes(15), java.time.Duration.ofHours(1), java.time.Duration.ofHours(6));

    private final StyleableProperty<Color> readyColor = colour("readyColor", "-berth-ready-color", c -> c.readyColor, Color.SEAGREEN);
    private final StyleableProperty<Color> aliveColor = colour("aliveColor", "-berth-alive-color", c -> c.aliveColor, Color.SEAGREEN);
    private final StyleableProperty<Color> desiredColor = colour("desiredColor", "-berth-desired-color", c -> c.desiredColor, Color.ROYALBLUE);
    private final StyleableProperty<Color> requestsColor = colour("requestsColor", "-berth-requests-color", c -> c.requestsColor, Color.DARKORANGE);
    private final StyleableProperty<Color> queueColor = colour("queueColor", "-berth-queue-color", c -> c.queueColor, Color.PURPLE);
    private final StyleableProperty<Color> markerColor = colour("markerColor", "-berth-marker-color", c -> c.markerColor, Color.CRIMSON);
    private final StyleableProperty<Color> gridColor = colour("gridColor", "-berth-grid-color", c -> c.gridColor, Color.LIGHTGRAY);
    private final StyleableProperty<Color> axisColor = colour("axisColor", "-berth-axis-color", c -> c.axisColor, Color.GRAY);

    private final ScaleHistory history;
    private final Clock clock;
    private final ZoneId zone;
    private final LiveCanvas plot = new LiveCanvas(this::redraw);
    private final Canvas canvas = plot.canvas();
    private final ComboBox<String> revision = new ComboBox<>();
    private final ChoiceBox<java.time.Duration> window = new ChoiceBox<>(FXCollections.observableList(WINDOWS));
    private final Tooltip tooltip = new Tooltip();
    private List<ScalePainter.Drawn> drawn = List.of();
    private ScaleMarker hovered;
    private boolean chosenByUser;
    /// Set while [#refresh] changes the chooser, so that change does not count as the user's choice.
    private boolean updating;
    private long drawnChanges = -1;

    public ScaleChart(ScaleHistory history, Clock clock, ZoneId zone) {
        this.history = history;
        this.clock = clock;
        this.zone = zone;
        getStyleClass().add("berth-scale-chart");
        getStylesheets().add(STYLESHEET);
        plot.getStyleClass().add("chart-plot");
        setCenter(plot);
        setTop(header());
        canvas.setOnMouseMoved(this::onMoved);
        canvas.setOnMouseExited(e -> hover(null));
        tooltip.setShowDelay(Duration.millis(150));
        tooltip.setShowDuration(Duration.seconds(30));
        tooltip.setWrapText(true);
        tooltip.setMaxWidth(520);
        for (var colour : List.of(readyColor, aliveColor, desiredColor, requestsColor, queueColor, markerColor,
                gridColor, axisColor)) {
            ((javafx.beans.value.ObservableValue<?>) colour).addListener((obs, old, now) -> redraw());
        }
    }

    /// Takes in what changed in the history: new revisions join the chooser (the newest is shown until the
    /// user picks one), and the chart redraws if anything changed since it last drew.
    public void refresh() {
        var revisions = history.revisions();
        if (!revisions.equals(revision.getItems())) {
            var shown = revision.getValue();
            updating = true;
            try {
                revision.getItems().setAll(revisions);
                boolean keep = chosenByUser && revisions.contains(shown);
                revision.setValue(keep ? shown : revisions.isEmpty() ? null : revisions.getLast());
                chosenByUser = keep;
            } finally {
                updating = false;
            }
        }
        if (history.changes() != drawnChanges) redraw();
    }

    /// Shows `name` (as if the user had chosen it).
    public void showRevision(String name) { revision.setValue(name); }

    public Optional<String> shownRevision() { return Optional.ofNullable(revision.getValue()); }

    /// The revision shown (null before any); charts stacked under this one follow it.
    public javafx.beans.value.ObservableValue<String> revisionProperty() { return revision.valueProperty(); }

    /// The time window shown.
    public javafx.beans.value.ObservableValue<java.time.Duration> windowProperty() { return window.valueProperty(); }

    /// Markers drawn in the last frame, for tests: the decision and its centre in the chart's coordinates.
    public List<ScaleMarker> drawnMarkers() { return drawn.stream().map(ScalePainter.Drawn::marker).toList(); }

    /// Where `marker` was drawn, in this chart's coordinates (empty when it was not).
    public Optional<Point2D> centerOf(ScaleMarker marker) {
        return drawn.stream().filter(d -> d.marker().equals(marker)).findFirst()
                .map(d -> canvas.localToScreen(d.x(), d.y())).map(this::screenToLocal);
    }

    private javafx.scene.layout.VBox header() {
        revision.setId("scaleRevision");
        revision.setPromptText("Revision");
        revision.valueProperty().addListener((o, was, now) -> {
            if (!updating) chosenByUser = now != null;
            redraw();
        });
        window.setId("scaleWindow");
        window.setValue(WINDOWS.getFirst());
        window.setConverter(new StringConverter<>() {
            @Override public String toString(java.time.Duration d) {
                return d == null ? "" : d.toHours() > 0 ? "Last " + d.toHours() + " h" : "Last " + d.toMinutes() + " min";
            }

            @Override public java.time.Duration fromString(String s) { throw new UnsupportedOperationException(); }
        });
        window.valueProperty().addListener((o, was, now) -> redraw());
        revision.setMinWidth(Region.USE_PREF_SIZE);
        revision.setPrefWidth(170);
        var title = new Label("Revision");
        title.setMinWidth(Region.USE_PREF_SIZE);
        var controls = new HBox(title, revision, window);
        controls.getStyleClass().add("chart-controls");
        var legend = new javafx.scene.layout.FlowPane(legend("Ready", "legend-ready"), legend("Alive", "legend-alive"),
                legend("Desired", "legend-desired"), legend("Requests/s", "legend-requests"), legend("Queue", "legend-queue"),
                legend("Scale decision (hover)", "legend-marker"));
        legend.getStyleClass().add("chart-legend");
        return new javafx.scene.layout.VBox(controls, legend);
    }

    private static Label legend(String text, String styleClass) {
        Region swatch = new Region();
        swatch.getStyleClass().addAll("legend-swatch", styleClass);
        Label label = new Label(text, swatch);
        label.getStyleClass().add("legend-item");
        return label;
    }

    private void redraw() {
        drawnChanges = history.changes();
        var name = revision.getValue();
        var track = name == null ? new ScaleHistory.Track() : history.track(name);
        var palette = new ScalePainter.Palette(readyColor.getValue(), aliveColor.getValue(), desiredColor.getValue(),
                requestsColor.getValue(), queueColor.getValue(), markerColor.getValue(), gridColor.getValue(),
                axisColor.getValue());
        drawn = new ScalePainter(canvas.getGraphicsContext2D(), canvas.getWidth(), canvas.getHeight(), palette, zone)
                .paint(track, clock.instant(), window.getValue());
        if (hovered != null && drawn.stream().noneMatch(d -> d.marker().equals(hovered))) hover(null);
    }

    private void onMoved(MouseEvent event) {
        ScalePainter.Drawn nearest = null;
        for (var d : drawn) {
            double dx = Math.abs(d.x() - event.getX());
            if (dx <= 6 && (nearest == null || dx < Math.abs(nearest.x() - event.getX()))) nearest = d;
        }
        hover(nearest == null ? null : nearest.marker());
    }

    private void hover(ScaleMarker marker) {
        if (Objects.equals(marker, hovered)) return;
        hovered = marker;
        if (marker == null) {
            Tooltip.uninstall(canvas, tooltip);
        } else {
            tooltip.setText(marker.describe(zone));
            Tooltip.install(canvas, tooltip);
        }
    }

    /// The tooltip's text while a marker is hovered, else empty.
    public Optional<String> hoverText() { return hovered == null ? Optional.empty() : Optional.of(tooltip.getText()); }

    private StyleableProperty<Color> colour(String property, String css, Function<ScaleChart, StyleableProperty<Color>> field,
                                            Color initial) {
        return CSS.createStyleableColorProperty(this, property, css, field, initial);
    }

    public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() { return CSS.getCssMetaData(); }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() { return CSS.getCssMetaData(); }
}
