package dev.berth.visualizer.durable;

import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.css.CssMetaData;
import javafx.css.StyleableProperty;
import javafx.css.StyleablePropertyFactory;
import javafx.css.Styleable;
import javafx.geometry.Orientation;
import javafx.geometry.Point2D;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.util.Duration;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/// A Gantt chart of one orchestration instance: a lane per row, labelled on the left, a time axis on top,
/// a bar per activity, timer, sub-orchestration and suspension, a diamond per event, coloured by state
/// (`-berth-running-color` … in durable.css). Drawn on one canvas, and only the rows in sight, so a history
/// of 50,000 events scrolls as lightly as one of 50. Wheel scrolls the lanes, Ctrl+wheel zooms time around
/// the pointer, Shift+wheel or dragging pans; double-click fits the whole span again. A click selects a
/// bar ([#selectedBarProperty]). While the orchestration runs the view redraws ten times a second, so
/// running bars grow to "now"; otherwise it draws only on change. FX thread only.
public final class TimelineView extends Region {
    private static final StyleablePropertyFactory<TimelineView> CSS =
            new StyleablePropertyFactory<>(Region.getClassCssMetaData());
    private static final double MAX_ZOOM = 1_000_000;

    private final StyleableProperty<Color> runningColor = colour("runningColor", "-berth-running-color", v -> v.runningColor, Color.ROYALBLUE);
    private final StyleableProperty<Color> completedColor = colour("completedColor", "-berth-completed-color", v -> v.completedColor, Color.SEAGREEN);
    private final StyleableProperty<Color> failedColor = colour("failedColor", "-berth-failed-color", v -> v.failedColor, Color.CRIMSON);
    private final StyleableProperty<Color> canceledColor = colour("canceledColor", "-berth-canceled-color", v -> v.canceledColor, Color.GRAY);
    private final StyleableProperty<Color> gridColor = colour("gridColor", "-berth-grid-color", v -> v.gridColor, Color.LIGHTGRAY);
    private final StyleableProperty<Color> textColor = colour("textColor", "-berth-text-color", v -> v.textColor, Color.BLACK);
    private final StyleableProperty<Color> mutedColor = colour("mutedColor", "-berth-muted-color", v -> v.mutedColor, Color.DIMGRAY);
    private final StyleableProperty<Color> selectionColor = colour("selectionColor", "-berth-selection-color", v -> v.selectionColor, Color.ORANGE);
    private final StyleableProperty<Color> stripeColor = colour("stripeColor", "-berth-stripe-color", v -> v.stripeColor, Color.WHITESMOKE);
    private final StyleableProperty<Color> backgroundColor = colour("backgroundColor", "-berth-background-color", v -> v.backgroundColor, Color.WHITE);

    private final Clock clock;
    private final Canvas canvas = new Canvas();
    private final ScrollBar vertical = new ScrollBar();
    private final ScrollBar horizontal = new ScrollBar();
    private final TimelinePainter painter = new TimelinePainter();
    private final ReadOnlyObjectWrapper<Bar> selected = new ReadOnlyObjectWrapper<>(this, "selectedBar");
    private final javafx.animation.Timeline ticker =
            new javafx.animation.Timeline(new KeyFrame(Duration.millis(100), ignored -> redraw()));
    private final Tooltip tooltip = new Tooltip();
    private Timeline timeline = Timeline.EMPTY;
    private TimelineLayout layout;
    private List<TimelinePainter.Drawn> drawn = List.of();
    private double scrollY;
    private double zoom = 1;
    private double offset;
    private Point2D dragFrom;
    private double dragOffset;
    private double dragScrollY;
    private boolean dragged;
    private Bar hovered;

    public TimelineView() {
        this(Clock.systemUTC());
    }

    public TimelineView(Clock clock) {
        this.clock = clock;
        getStyleClass().add("berth-timeline");
        getStylesheets().add(DurableStyles.STYLESHEET);
        setFocusTraversable(true);
        vertical.setOrientation(Orientation.VERTICAL);
        horizontal.setOrientation(Orientation.HORIZONTAL);
        vertical.valueProperty().addListener((obs, old, value) -> scrollTo(value.doubleValue()));
        horizontal.valueProperty().addListener((obs, old, value) -> panTo(value.doubleValue()));
        getChildren().addAll(canvas, vertical, horizontal);
        ticker.setCycleCount(Animation.INDEFINITE);
        sceneProperty().addListener((obs, old, scene) -> updateTicker());
        canvas.setOnScroll(this::onScroll);
        canvas.setOnMousePressed(this::onPressed);
        canvas.setOnMouseDragged(this::onDragged);
        canvas.setOnMouseReleased(this::onReleased);
        canvas.setOnMouseMoved(this::onMoved);
        addEventHandler(KeyEvent.KEY_PRESSED, this::onKey);
        tooltip.setShowDelay(Duration.millis(250));
        for (StyleableProperty<Color> colour : List.of(runningColor, completedColor, failedColor, canceledColor,
                gridColor, textColor, mutedColor, selectionColor, stripeColor, backgroundColor)) {
            ((javafx.beans.value.ObservableValue<?>) colour).addListener((obs, old, now) -> redraw());
        }
    }

    /// Shows `shown`. With `keepPosition` (the same instance, grown) scroll, zoom and the selected bar stay;
    /// otherwise the view starts at the top, fitted to the whole span, with nothing selected.
    public void setTimeline(Timeline shown, boolean keepPosition) {
        timeline = shown;
        if (!keepPosition) {
            scrollY = 0;
            zoom = 1;
            offset = 0;
            selected.set(null);
        } else if (selected.get() != null) {
            selected.set(find(selected.get()));
        }
        updateTicker();
        requestLayout();
        redraw();
    }

    public Timeline timeline() {
        return timeline;
    }

    /// The bar the user clicked last, as it is in the current timeline; null when none.
    public ReadOnlyObjectProperty<Bar> selectedBarProperty() {
        return selected.getReadOnlyProperty();
    }

    /// Selects `bar` (null clears) and scrolls its lane into sight.
    public void select(Bar bar) {
        selected.set(bar);
        if (bar != null && layout != null) {
            double top = bar.lane() * TimelineLayout.ROW;
            if (top < scrollY || top + TimelineLayout.ROW > scrollY + layout.viewportHeight()) {
                scrollTo(top - layout.viewportHeight() / 3);
            }
        }
        redraw();
    }

    /// The bars drawn in the last frame (those in sight), in drawing order.
    public List<Bar> drawnBars() {
        return drawn.stream().map(TimelinePainter.Drawn::bar).toList();
    }

    /// The lane labels drawn in the last frame, top to bottom.
    public List<String> drawnLaneLabels() {
        return painter.labels();
    }

    /// Where `bar` was drawn in the last frame, as the middle of its shape in this view's coordinates.
    public Optional<Point2D> centerOf(Bar bar) {
        return drawn.stream().filter(d -> d.bar().id() == bar.id()).findFirst()
                .map(d -> new Point2D(d.x() + Math.min(d.width(), 40) / 2, d.y() + d.height() / 2));
    }

    /// How far the lanes are scrolled, in pixels from the top.
    public double scrollPosition() {
        return scrollY;
    }

    /// Scrolls the lanes to `pixels` from the top (clamped to what there is).
    public void scrollTo(double pixels) {
        double max = layout == null ? 0 : Math.max(0, layout.contentHeight() - layout.viewportHeight());
        double clamped = Math.max(0, Math.min(max, pixels));
        if (clamped != scrollY) {
            scrollY = clamped;
            redraw();
        }
    }

    @Override
    protected void layoutChildren() {
        boolean zoomed = zoom > 1;
        double hbar = zoomed ? horizontal.prefHeight(-1) : 0;
        // The scroll bar shows only when the lanes do not fit, so a short timeline keeps the whole width.
        boolean scrolls = timeline.lanes().size() * TimelineLayout.ROW > getHeight() - hbar - TimelineLayout.AXIS;
        vertical.setVisible(scrolls);
        double bar = scrolls ? vertical.prefWidth(-1) : 0;
        canvas.setWidth(Math.max(0, getWidth() - bar));
        canvas.setHeight(Math.max(0, getHeight() - hbar));
        canvas.relocate(0, 0);
        vertical.resizeRelocate(getWidth() - bar, 0, bar, getHeight() - hbar);
        horizontal.setVisible(zoomed);
        horizontal.resizeRelocate(TimelineLayout.LABELS, getHeight() - hbar, Math.max(0, getWidth() - bar - TimelineLayout.LABELS), hbar);
        redraw();
    }

    private void redraw() {
        layout = TimelineLayout.of(timeline, clock.instant(), canvas.getWidth(), canvas.getHeight(), scrollY, zoom, offset);
        scrollY = Math.max(0, Math.min(scrollY, Math.max(0, layout.contentHeight() - layout.viewportHeight())));
        layout = TimelineLayout.of(timeline, layout.now(), layout.width(), layout.height(), scrollY, zoom, offset);
        drawn = painter.paint(canvas.getGraphicsContext2D(), layout, palette(), selected.get());
        syncScrollBars();
    }

    private void syncScrollBars() {
        double max = Math.max(0, layout.contentHeight() - layout.viewportHeight());
        vertical.setMax(max);
        vertical.setVisibleAmount(max == 0 ? 1 : layout.viewportHeight() * max / layout.contentHeight());
        vertical.setUnitIncrement(TimelineLayout.ROW);
        vertical.setBlockIncrement(Math.max(TimelineLayout.ROW, layout.viewportHeight() - TimelineLayout.ROW));
        vertical.setValue(scrollY);
        vertical.setDisable(max == 0);
        double panMax = Math.max(0, 1 - 1 / zoom);
        horizontal.setMax(panMax);
        horizontal.setVisibleAmount(1 / zoom);
        horizontal.setUnitIncrement(0.05 / zoom);
        horizontal.setBlockIncrement(0.5 / zoom);
        horizontal.setValue(offset);
    }

    private void panTo(double fraction) {
        double clamped = Math.max(0, Math.min(1 - 1 / zoom, fraction));
        if (clamped != offset) {
            offset = clamped;
            redraw();
        }
    }

    /// Zooms time by `factor` keeping the moment under pixel `x` in place.
    private void zoomAt(double x, double factor) {
        if (layout == null) {
            return;
        }
        double fractionAt = layout.millisAt(x) / layout.spanMillis();
        boolean wasZoomed = zoom > 1;
        zoom = Math.max(1, Math.min(MAX_ZOOM, zoom * factor));
        offset = Math.max(0, Math.min(1 - 1 / zoom,
                fractionAt - (x - TimelineLayout.LABELS) / (zoom * layout.plotWidth())));
        if (wasZoomed != zoom > 1) {
            requestLayout(); // the horizontal scroll bar comes or goes
        }
        redraw();
    }

    private void onScroll(ScrollEvent event) {
        if (event.isControlDown() || event.isShortcutDown()) {
            zoomAt(event.getX(), event.getDeltaY() > 0 ? 1.25 : 0.8);
        } else if (event.isShiftDown() || Math.abs(event.getDeltaX()) > Math.abs(event.getDeltaY())) {
            double delta = event.isShiftDown() ? event.getDeltaY() : event.getDeltaX();
            panTo(offset - delta / (zoom * (layout == null ? 1 : layout.plotWidth())));
        } else {
            scrollTo(scrollY - event.getDeltaY());
        }
        event.consume();
    }

    private void onPressed(MouseEvent event) {
        requestFocus();
        dragFrom = new Point2D(event.getX(), event.getY());
        dragOffset = offset;
        dragScrollY = scrollY;
        dragged = false;
    }

    private void onDragged(MouseEvent event) {
        if (dragFrom == null || layout == null) {
            return;
        }
        double dx = event.getX() - dragFrom.getX();
        double dy = event.getY() - dragFrom.getY();
        dragged |= Math.abs(dx) > 3 || Math.abs(dy) > 3;
        if (dragged) {
            panTo(dragOffset - dx / (zoom * layout.plotWidth()));
            scrollTo(dragScrollY - dy);
        }
    }

    private void onReleased(MouseEvent event) {
        if (!dragged && event.getButton() == MouseButton.PRIMARY && layout != null) {
            if (event.getClickCount() == 2 && layout.hit(event.getX(), event.getY()) == null) {
                zoom = 1;
                offset = 0;
                requestLayout();
            } else {
                select(layout.hit(event.getX(), event.getY()));
            }
        }
        dragFrom = null;
    }

    private void onMoved(MouseEvent event) {
        Bar bar = layout == null ? null : layout.hit(event.getX(), event.getY());
        if (bar == hovered) {
            return;
        }
        hovered = bar;
        if (bar == null) {
            Tooltip.uninstall(canvas, tooltip);
        } else {
            tooltip.setText(BarText.summary(bar, clock.instant()));
            Tooltip.install(canvas, tooltip);
        }
    }

    private void onKey(KeyEvent event) {
        double page = layout == null ? 0 : layout.viewportHeight() - TimelineLayout.ROW;
        switch (event.getCode()) {
            case UP -> scrollTo(scrollY - TimelineLayout.ROW);
            case DOWN -> scrollTo(scrollY + TimelineLayout.ROW);
            case PAGE_UP -> scrollTo(scrollY - page);
            case PAGE_DOWN -> scrollTo(scrollY + page);
            case HOME -> scrollTo(0);
            case END -> scrollTo(Double.MAX_VALUE);
            case PLUS, EQUALS, ADD -> zoomAt(TimelineLayout.LABELS + (layout == null ? 0 : layout.plotWidth() / 2), 1.5);
            case MINUS, SUBTRACT -> zoomAt(TimelineLayout.LABELS + (layout == null ? 0 : layout.plotWidth() / 2), 1 / 1.5);
            default -> {
                return;
            }
        }
        event.consume();
    }

    private Bar find(Bar old) {
        if (timeline.lanes().isEmpty()) {
            return null;
        }
        for (Bar bar : timeline.barsOf(Math.min(old.lane(), timeline.lanes().size() - 1))) {
            if (bar.firstSequence() == old.firstSequence() && bar.kind() == old.kind()) {
                return bar;
            }
        }
        return null;
    }

    private void updateTicker() {
        if (timeline.running() && getScene() != null) {
            ticker.play();
        } else {
            ticker.stop();
        }
    }

    private TimelinePainter.Palette palette() {
        return new TimelinePainter.Palette(runningColor.getValue(), completedColor.getValue(), failedColor.getValue(),
                canceledColor.getValue(), gridColor.getValue(), textColor.getValue(), mutedColor.getValue(),
                selectionColor.getValue(), stripeColor.getValue(), backgroundColor.getValue());
    }

    private StyleableProperty<Color> colour(String property, String css, Function<TimelineView, StyleableProperty<Color>> field,
                                            Color initial) {
        return CSS.createStyleableColorProperty(this, property, css, field, initial);
    }

    public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() {
        return CSS.getCssMetaData();
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return CSS.getCssMetaData();
    }
}
