package dev.berth.visualizer.scale;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/// Paints one frame of the GPU chart for one revision: per replica, GPU utilisation (solid) and GPU memory
/// held (dashed), both in percent on one 0–100 axis, in the replica's colour; the same margins and time
/// axis as the scale chart, so the two line up when stacked. A fresh painter per frame; FX thread only.
final class GpuPainter {
    static final String NO_DATA = "No GPU samples for this revision yet";

    private final GraphicsContext g;
    private final double width;
    private final double height;
    private final Color grid;
    private final Color axis;
    private final ZoneId zone;
    private double plotWidth;
    private double plotHeight;
    private long from;
    private long to;

    GpuPainter(GraphicsContext g, double width, double height, Color grid, Color axis, ZoneId zone) {
        this.g = g;
        this.width = width;
        this.height = height;
        this.grid = grid;
        this.axis = axis;
        this.zone = zone;
    }

    /// `colours` cycle over the replicas in the order they first reported.
    void paint(Map<String, GpuHistory.Replica> replicas, List<Color> colours, Instant now, Duration window) {
        g.clearRect(0, 0, width, height);
        plotWidth = width - ScalePainter.LEFT - ScalePainter.RIGHT;
        plotHeight = height - ScalePainter.TOP - ScalePainter.BOTTOM;
        if (plotWidth < 40 || plotHeight < 30) return;
        to = now.toEpochMilli();
        from = to - window.toMillis();
        g.setFont(Font.font(11));
        g.setLineWidth(1);
        percentAxis();
        TimeAxis.draw(g, from, to, window, ScalePainter.LEFT, ScalePainter.TOP, plotWidth, plotHeight, grid, axis, zone);
        if (replicas.isEmpty()) {
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            g.setFill(axis);
            g.setFont(Font.font(13));
            g.fillText(NO_DATA, ScalePainter.LEFT + plotWidth / 2, ScalePainter.TOP + plotHeight / 2);
            return;
        }
        int i = 0;
        for (var replica : replicas.values()) {
            var colour = colours.get(i++ % colours.size());
            line(replica.memory(), colour, 1.25, new double[] {5, 4});
            line(replica.utilisation(), colour, 2, new double[0]);
        }
    }

    private void percentAxis() {
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        for (int value = 0; value <= 100; value += 25) {
            double y = Math.floor(y(value)) + 0.5;
            g.setStroke(grid);
            g.strokeLine(ScalePainter.LEFT, y, ScalePainter.LEFT + plotWidth, y);
            g.setFill(axis);
            g.fillText(value + "%", ScalePainter.LEFT - 6, y);
        }
    }

    private void line(StepSeries series, Color colour, double lineWidth, double[] dashes) {
        if (series.size() == 0) return;
        g.beginPath();
        new StepTrace(series, from, to).run((time, value, first) -> {
            if (first) g.moveTo(x(time), y(value));
            else g.lineTo(x(time), y(value));
        }, plotWidth / (to - from));
        g.setStroke(colour);
        g.setLineWidth(lineWidth);
        g.setLineDashes(dashes);
        g.stroke();
        g.setLineDashes();
        g.setLineWidth(1);
    }

    private double x(long at) { return ScalePainter.LEFT + (at - from) / (double) (to - from) * plotWidth; }

    private double y(double percent) {
        return ScalePainter.TOP + plotHeight - Math.clamp(percent, 0, 100) / 100 * plotHeight;
    }
}
