package dev.berth.visualizer;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/// Paints one frame of the replica chart: grid, integer y labels, time labels and the two step
/// lines. A fresh painter per frame; FX thread only.
final class ChartPainter {
    record Colours(Paint ready, Paint total, Paint grid, Paint axis) {}

    static final String NO_DATA = "No replica counts yet";
    private static final double LEFT = 34;
    private static final double RIGHT = 22;
    private static final double TOP = 8;
    private static final double BOTTOM = 22;

    private final GraphicsContext g;
    private final double width;
    private final double height;
    private final Colours colours;
    private final ZoneId zone;
    private double plotWidth;
    private double plotHeight;
    private int top;
    private Instant from;
    private Duration window;

    ChartPainter(GraphicsContext g, double width, double height, Colours colours, ZoneId zone) {
        this.g = g;
        this.width = width;
        this.height = height;
        this.colours = colours;
        this.zone = zone;
    }

    void paint(ReplicaCountHistory history, Instant now) {
        g.clearRect(0, 0, width, height);
        plotWidth = width - LEFT - RIGHT;
        plotHeight = height - TOP - BOTTOM;
        if (plotWidth < 20 || plotHeight < 20) {
            return;
        }
        window = history.window();
        from = now.minus(window);
        top = ReplicaCountHistory.axisTop(history.maxTotal(now));
        g.setFont(Font.font(11));
        yAxis();
        timeAxis(now);
        List<ReplicaCountHistory.Point> total = history.steps(now, ReplicaCountHistory.Sample::total);
        List<ReplicaCountHistory.Point> ready = history.steps(now, ReplicaCountHistory.Sample::ready);
        if (total.isEmpty()) {
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            g.setFill(colours.axis());
            g.setFont(Font.font(13));
            g.fillText(NO_DATA, LEFT + plotWidth / 2, TOP + plotHeight / 2);
            return;
        }
        fillUnder(ready, colours.ready());
        line(ready, colours.ready(), new double[0]);
        // Dashed and on top, so where ready equals total both colours still show.
        line(total, colours.total(), new double[] {6, 4});
    }

    private void yAxis() {
        int step = ReplicaCountHistory.integerStep(top);
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        g.setLineWidth(1);
        for (int value = 0; value <= top; value += step) {
            double y = snap(y(value));
            g.setStroke(colours.grid());
            g.strokeLine(LEFT, y, LEFT + plotWidth, y);
            g.setFill(colours.axis());
            g.fillText(Integer.toString(value), LEFT - 6, y);
        }
    }

    private void timeAxis(Instant now) {
        Duration tick = ReplicaCountHistory.timeTick(window);
        long tickMillis = tick.toMillis();
        long first = (from.toEpochMilli() / tickMillis + 1) * tickMillis;
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        String pattern = tick.toSeconds() % 60 == 0 ? "%1$tH:%1$tM" : "%1$tH:%1$tM:%1$tS";
        for (long at = first; at <= now.toEpochMilli(); at += tickMillis) {
            double x = snap(x(Instant.ofEpochMilli(at)));
            g.setStroke(colours.grid());
            g.strokeLine(x, TOP, x, TOP + plotHeight);
            g.setFill(colours.axis());
            g.fillText(pattern.formatted(Instant.ofEpochMilli(at).atZone(zone)), x, TOP + plotHeight + 5);
        }
    }

    private void fillUnder(List<ReplicaCountHistory.Point> points, Paint paint) {
        if (points.isEmpty()) {
            return;
        }
        g.beginPath();
        g.moveTo(x(points.getFirst().at()), y(0));
        trace(points);
        g.lineTo(x(points.getLast().at()), y(0));
        g.closePath();
        g.setFill(paint instanceof Color colour ? colour.deriveColor(0, 1, 1, 0.15) : paint);
        g.fill();
    }

    private void line(List<ReplicaCountHistory.Point> points, Paint paint, double[] dashes) {
        if (points.isEmpty()) {
            return;
        }
        g.beginPath();
        g.moveTo(x(points.getFirst().at()), y(points.getFirst().value()));
        trace(points);
        g.setStroke(paint);
        g.setLineWidth(2);
        g.setLineDashes(dashes);
        g.stroke();
        g.setLineDashes();
    }

    /// Horizontal to each corner's time, then vertical to its value: a step, never a slope.
    private void trace(List<ReplicaCountHistory.Point> points) {
        double previous = points.getFirst().value();
        for (ReplicaCountHistory.Point point : points) {
            double x = x(point.at());
            g.lineTo(x, y(previous));
            g.lineTo(x, y(point.value()));
            previous = point.value();
        }
    }

    private double x(Instant at) {
        double fraction = Duration.between(from, at).toMillis() / (double) window.toMillis();
        return LEFT + fraction * plotWidth;
    }

    private double y(double value) {
        return TOP + plotHeight - value / top * plotHeight;
    }

    /// Centres a 1 px line on a pixel, so grid lines are crisp rather than two grey half-pixels.
    private static double snap(double coordinate) {
        return Math.floor(coordinate) + 0.5;
    }
}
