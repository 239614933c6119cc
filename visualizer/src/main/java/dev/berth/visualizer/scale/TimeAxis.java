package dev.berth.visualizer.scale;

import dev.berth.visualizer.ReplicaCountHistory;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/// The time axis the scale and GPU charts share, so their ticks line up when stacked: a grid line and a
/// wall-clock label per tick (seconds shown only when ticks are under a minute apart). Stateless.
final class TimeAxis {
    private TimeAxis() {}

    /// The plot spans `left`..`left + width` horizontally for `from`..`to` (epoch ms), `top`..`top + height`.
    static void draw(GraphicsContext g, long from, long to, Duration window, double left, double top, double width,
                     double height, Color grid, Color axis, ZoneId zone) {
        long tick = ReplicaCountHistory.timeTick(window).toMillis();
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        String pattern = tick % 60_000 == 0 ? "%1$tH:%1$tM" : "%1$tH:%1$tM:%1$tS";
        for (long at = (from / tick + 1) * tick; at <= to; at += tick) {
            double x = Math.floor(left + (at - from) / (double) (to - from) * width) + 0.5;
            g.setStroke(grid);
            g.strokeLine(x, top, x, top + height);
            g.setFill(axis);
            g.fillText(pattern.formatted(Instant.ofEpochMilli(at).atZone(zone)), x, top + height + 5);
        }
    }
}
