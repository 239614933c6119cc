package dev.berth.visualizer.scale;

import dev.berth.visualizer.ReplicaCountHistory;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/// Paints one frame of the scale chart for one revision: replicas on the left axis (ready filled, alive
/// solid, desired dashed), requests per second and queue length on the right axis, a marker per decision
/// along the top. Each step line is traced with at most a few segments per pixel column, so a window of
/// 100,000 corners costs what a window of a thousand does. A fresh painter per frame; FX thread only.
final class ScalePainter {
    record Palette(Color ready, Color alive, Color desired, Color requests, Color queue, Color marker, Color grid,
                   Color axis) {}

    /// A marker as drawn: its centre, for hovering.
    record Drawn(ScaleMarker marker, double x, double y) {}

    static final String NO_DATA = "No replicas or scale decisions for this revision yet";
    static final double LEFT = 40;
    static final double RIGHT = 50;
    static final double TOP = 18;
    static final double BOTTOM = 22;

    private final GraphicsContext g;
    private final double width;
    private final double height;
    private final Palette palette;
    private final ZoneId zone;
    private double plotWidth;
    private double plotHeight;
    private long from;
    private long to;
    private double top;

    ScalePainter(GraphicsContext g, double width, double height, Palette palette, ZoneId zone) {
        this.g = g;
        this.width = width;
        this.height = height;
        this.palette = palette;
        this.zone = zone;
    }

    List<Drawn> paint(ScaleHistory.Track track, Instant now, Duration window) {
        g.clearRect(0, 0, width, height);
        plotWidth = width - LEFT - RIGHT;
        plotHeight = height - TOP - BOTTOM;
        if (plotWidth < 40 || plotHeight < 30) return List.of();
        to = now.toEpochMilli();
        from = to - window.toMillis();
        g.setFont(Font.font(11));
        g.setLineWidth(1);
        top = ReplicaCountHistory.axisTop((int) Math.ceil(Math.max(track.alive().max(from, to), track.desired().max(from, to))));
        replicaAxis();
        timeAxis(window);
        double load = Math.max(track.requests().max(from, to), track.hasQueue() ? track.queue().max(from, to) : 0);
        int loadTop = ReplicaCountHistory.axisTop((int) Math.ceil(load));
        loadAxis(loadTop, track.hasQueue());
        if (track.alive().size() == 0 && track.desired().size() == 0 && track.requests().size() == 0) {
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            g.setFill(palette.axis());
            g.setFont(Font.font(13));
            g.fillText(NO_DATA, LEFT + plotWidth / 2, TOP + plotHeight / 2);
            return List.of();
        }
        step(track.requests(), loadTop, palette.requests(), 1.25, new double[0], false);
        if (track.hasQueue()) step(track.queue(), loadTop, palette.queue(), 1.25, new double[] {2, 3}, false);
        step(track.ready(), top, palette.ready(), 2, new double[0], true);
        step(track.alive(), top, palette.alive(), 2, new double[0], false);
        step(track.desired(), top, palette.desired(), 2, new double[] {6, 4}, false);
        return markers(track.markers());
    }

    private void replicaAxis() {
        int step = ReplicaCountHistory.integerStep((int) top);
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        for (int value = 0; value <= top; value += step) {
            double y = snap(y(value, top));
            g.setStroke(palette.grid());
            g.strokeLine(LEFT, y, LEFT + plotWidth, y);
            g.setFill(palette.axis());
            g.fillText(Integer.toString(value), LEFT - 6, y);
        }
    }

    private void loadAxis(int loadTop, boolean queue) {
        int step = ReplicaCountHistory.integerStep(loadTop);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        g.setFill(palette.requests());
        for (int value = 0; value <= loadTop; value += step) {
            g.fillText(Integer.toString(value), LEFT + plotWidth + 6, y(value, loadTop));
        }
        g.setTextBaseline(VPos.BOTTOM);
        g.fillText(queue ? "req/s · queue" : "req/s", LEFT + plotWidth - 70, TOP - 3);
    }

    private void timeAxis(Duration window) {
        TimeAxis.draw(g, from, to, window, LEFT, TOP, plotWidth, plotHeight, palette.grid(), palette.axis(), zone);
    }

    /// Traces `series` over the window; corners that land in a pixel column already drawn to add a segment only
    /// when they reach past what that column shows.
    private void step(StepSeries series, double axisTop, Color colour, double lineWidth, double[] dashes, boolean fill) {
        if (series.size() == 0) return;
        var trace = new StepTrace(series, from, to);
        g.beginPath();
        if (fill) g.moveTo(x(trace.start()), y(0, axisTop));
        trace.run((time, value, first) -> {
            if (first && !fill) g.moveTo(x(time), y(value, axisTop));
            else g.lineTo(x(time), y(value, axisTop));
        }, plotWidth / (to - from));
        if (fill) {
            g.lineTo(x(to), y(0, axisTop));
            g.closePath();
            g.setFill(colour.deriveColor(0, 1, 1, 0.15));
            g.fill();
            return;
        }
        g.setStroke(colour);
        g.setLineWidth(lineWidth);
        g.setLineDashes(dashes);
        g.stroke();
        g.setLineDashes();
        g.setLineWidth(1);
    }

    /// A triangle up for scaling out, down for scaling in, a diamond for a decision that kept the count; one
    /// per pixel column (the newest wins), with a faint line down through the plot.
    private List<Drawn> markers(List<ScaleMarker> markers) {
        var drawn = new ArrayList<Drawn>();
        int first = firstMarker(markers, from);
        double lastColumn = Double.NaN;
        for (int i = first; i < markers.size(); i++) {
            var marker = markers.get(i);
            long at = marker.at().toEpochMilli();
            if (at > to) break;
            double x = Math.floor(x(at)) + 0.5;
            if (x == lastColumn) drawn.removeLast();
            lastColumn = x;
            drawn.add(new Drawn(marker, x, TOP - 8));
        }
        g.setLineDashes(2, 3);
        g.setStroke(palette.marker().deriveColor(0, 1, 1, 0.45));
        for (var d : drawn) g.strokeLine(d.x(), TOP, d.x(), TOP + plotHeight);
        g.setLineDashes();
        g.setFill(palette.marker());
        for (var d : drawn) shape(d);
        return drawn;
    }

    private void shape(Drawn d) {
        double x = d.x();
        double y = d.y();
        int direction = Integer.compare(d.marker().desired(), d.marker().current());
        if (direction > 0) g.fillPolygon(new double[] {x - 5, x + 5, x}, new double[] {y + 4, y + 4, y - 5}, 3);
        else if (direction < 0) g.fillPolygon(new double[] {x - 5, x + 5, x}, new double[] {y - 4, y - 4, y + 5}, 3);
        else g.fillPolygon(new double[] {x - 4, x, x + 4, x}, new double[] {y, y - 4, y, y + 4}, 4);
    }

    private static int firstMarker(List<ScaleMarker> markers, long from) {
        int low = 0;
        int high = markers.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (markers.get(mid).at().toEpochMilli() < from) low = mid + 1;
            else high = mid;
        }
        return low;
    }

    private double x(long at) { return LEFT + (at - from) / (double) (to - from) * plotWidth; }

    private double y(double value, double axisTop) { return TOP + plotHeight - value / axisTop * plotHeight; }

    private static double snap(double coordinate) { return Math.floor(coordinate) + 0.5; }
}
