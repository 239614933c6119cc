package dev.berth.visualizer.durable;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/// Paints one frame of the timeline: only the lanes in sight, and in each only the bars that reach into
/// the plot, so a frame costs the same for 50 events and 50,000. Keeps a cache of cut-to-fit labels between
/// frames. FX thread only.
final class TimelinePainter {
    /// The colours, from CSS (see durable.css).
    record Palette(Paint running, Paint completed, Paint failed, Paint canceled, Paint grid, Paint text, Paint muted,
                   Paint selection, Paint stripe, Paint background) {}

    /// A bar as drawn in the last frame, in view coordinates (tests and the view's hit feedback use it).
    record Drawn(Bar bar, double x, double y, double width, double height) {}

    private static final Font FONT = Font.font(12);
    private static final Font BOLD = Font.font(null, FontWeight.BOLD, 12);
    private static final Font SMALL = Font.font(11);
    private static final double MIN_TICK_GAP = 90;
    /// Below this many pixels per call, touching calls are drawn as one band.
    private static final double MIN_CALL_WIDTH = 6;

    private final Map<String, String> fitted = new HashMap<>();
    private final Map<String, Double> widths = new HashMap<>();
    private final Text measure = new Text();
    private final List<Drawn> drawn = new ArrayList<>();
    private final List<String> labels = new ArrayList<>();

    /// Paints `layout` and answers the bars drawn.
    List<Drawn> paint(GraphicsContext g, TimelineLayout layout, Palette palette, Bar selected) {
        drawn.clear();
        labels.clear();
        g.setFill(palette.background());
        g.fillRect(0, 0, layout.width(), layout.height());
        if (layout.timeline().isEmpty()) {
            return List.of();
        }
        stripes(g, layout, palette);
        long step = TimeAxis.step(layout.visibleMillis(), layout.plotWidth(), MIN_TICK_GAP);
        grid(g, layout, palette, step);
        g.save();
        g.beginPath();
        g.rect(layout.plotLeft(), TimelineLayout.AXIS, layout.plotWidth() + TimelineLayout.RIGHT, layout.viewportHeight());
        g.clip();
        for (int lane = layout.firstVisibleLane(); lane <= layout.lastVisibleLane(); lane++) {
            lane(g, layout, palette, lane, selected);
        }
        nowLine(g, layout, palette);
        g.restore();
        laneLabels(g, layout, palette);
        axis(g, layout, palette, step);
        return List.copyOf(drawn);
    }

    /// The lane labels drawn in the last frame, top to bottom.
    List<String> labels() {
        return List.copyOf(labels);
    }

    private void stripes(GraphicsContext g, TimelineLayout layout, Palette palette) {
        g.setFill(palette.stripe());
        for (int lane = layout.firstVisibleLane(); lane <= layout.lastVisibleLane(); lane++) {
            if (lane % 2 == 1) {
                g.fillRect(0, layout.rowTop(lane), layout.width(), TimelineLayout.ROW);
            }
        }
    }

    private void grid(GraphicsContext g, TimelineLayout layout, Palette palette, long step) {
        g.setStroke(palette.grid());
        g.setLineWidth(1);
        double bottom = Math.min(layout.height(), TimelineLayout.AXIS + layout.contentHeight() - layout.scrollY());
        for (long tick : ticks(layout, step)) {
            double x = snap(layout.plotLeft() + (tick / layout.spanMillis() - layout.offset()) * layout.zoom()
                    * layout.plotWidth());
            g.strokeLine(x, TimelineLayout.AXIS, x, bottom);
        }
    }

    private void lane(GraphicsContext g, TimelineLayout layout, Palette palette, int lane, Bar selected) {
        List<Bar> bars = layout.timeline().barsOf(lane);
        double top = layout.rowTop(lane);
        List<Bar> run = new ArrayList<>();
        double runLeft = 0;
        double runRight = Double.NEGATIVE_INFINITY;
        for (int i = layout.firstReaching(bars, layout.plotLeft()); i < bars.size(); i++) {
            Bar bar = bars.get(i);
            double left = layout.left(bar);
            if (left > layout.plotRight() + TimelineLayout.POINT) {
                break;
            }
            if (bar.point()) {
                point(g, palette, bar, left, top + TimelineLayout.ROW / 2, bar == selected);
                continue;
            }
            double right = layout.right(bar);
            if (right < layout.plotLeft()) {
                continue;
            }
            if (!run.isEmpty() && left > runRight + 1.5) {
                flush(g, layout, palette, run, runLeft, runRight, top, selected);
                run.clear();
            }
            if (run.isEmpty()) {
                runLeft = left;
                runRight = right;
            }
            run.add(bar);
            runRight = Math.max(runRight, right);
        }
        flush(g, layout, palette, run, runLeft, runRight, top, selected);
    }

    /// Bars that touch: each on its own when there is room, else as one band with a tick per call.
    private void flush(GraphicsContext g, TimelineLayout layout, Palette palette, List<Bar> run, double left,
                       double right, double top, Bar selected) {
        if (run.size() >= 3 && (right - left) / run.size() < MIN_CALL_WIDTH) {
            cluster(g, layout, palette, run, left, right, top, selected);
            return;
        }
        for (Bar bar : run) {
            span(g, layout, palette, bar, layout.left(bar), layout.right(bar), top, bar == selected);
        }
    }

    /// Calls too close to tell apart at this zoom: a faded band, a tick where each starts (failed ones in the
    /// failure colour, on top), and how many there are. Zooming in takes it apart.
    private void cluster(GraphicsContext g, TimelineLayout layout, Palette palette, List<Bar> run, double left,
                         double right, double top, Bar selected) {
        double y = top + (TimelineLayout.ROW - TimelineLayout.BAR) / 2;
        long failed = run.stream().filter(bar -> bar.state() == Bar.State.FAILED).count();
        boolean running = run.stream().anyMatch(bar -> bar.state() == Bar.State.RUNNING);
        Paint colour = running ? palette.running() : failed == run.size() ? palette.failed() : palette.completed();
        g.setFill(faded(colour, 0.4));
        g.fillRoundRect(left, y, right - left, TimelineLayout.BAR, 4, 4);
        // A tick per call while they are at least 3 px apart; denser, ticks would only be noise (failures always show).
        boolean ticks = (right - left) / run.size() >= 3;
        for (boolean failures : new boolean[] {false, true}) {
            if (!failures && !ticks) {
                continue;
            }
            double lastX = Double.NaN;
            g.setLineWidth(failures ? 2 : 1);
            for (Bar bar : run) {
                double x = snap(layout.left(bar));
                if ((bar.state() == Bar.State.FAILED) == failures && x != lastX) {
                    g.setStroke(stateColour(palette, bar.state()));
                    g.strokeLine(x, y + 2, x, y + TimelineLayout.BAR - 2);
                    lastX = x;
                }
            }
        }
        for (Bar bar : run) {
            drawn.add(new Drawn(bar, layout.left(bar), y, layout.right(bar) - layout.left(bar), TimelineLayout.BAR));
            if (bar == selected) {
                g.setStroke(palette.selection());
                g.setLineWidth(2);
                g.strokeRect(layout.left(bar) - 2, y - 2, layout.right(bar) - layout.left(bar) + 4, TimelineLayout.BAR + 4);
            }
        }
        String count = run.size() + " calls" + (failed > 0 ? " · " + failed + " failed" : "");
        double visibleLeft = Math.max(left, layout.plotLeft());
        if (Math.min(right, layout.plotRight()) - visibleLeft >= width(count, SMALL) + 10) {
            g.setFill(faded(palette.background(), 0.85));
            g.fillRoundRect(visibleLeft + 2, y + 1, width(count, SMALL) + 6, TimelineLayout.BAR - 2, 4, 4);
            g.setFont(SMALL);
            g.setTextAlign(TextAlignment.LEFT);
            g.setTextBaseline(VPos.CENTER);
            g.setFill(palette.text());
            g.fillText(count, visibleLeft + 5, y + TimelineLayout.BAR / 2);
        }
    }

    private void span(GraphicsContext g, TimelineLayout layout, Palette palette, Bar bar, double left, double right,
                      double top, boolean selected) {
        boolean orchestration = bar.kind() == Bar.Kind.ORCHESTRATION;
        double height = orchestration ? TimelineLayout.BAR + 4 : TimelineLayout.BAR;
        double y = top + (TimelineLayout.ROW - height) / 2;
        Paint colour = stateColour(palette, bar.state());
        double width = right - left;
        switch (bar.kind()) {
            case TIMER, SUSPENSION -> {
                g.setFill(faded(colour, 0.22));
                g.fillRoundRect(left, y, width, height, 4, 4);
                g.setStroke(colour);
                g.setLineWidth(1.2);
                g.setLineDashes(bar.kind() == Bar.Kind.SUSPENSION ? new double[] {4, 3} : null);
                g.strokeRoundRect(left + 0.5, y + 0.5, width - 1, height - 1, 4, 4);
                g.setLineDashes((double[]) null);
            }
            case ORCHESTRATION -> {
                g.setFill(faded(colour, 0.35));
                g.fillRoundRect(left, y, width, height, 6, 6);
                g.setFill(colour);
                g.fillRect(left, y + height - 3, width, 3);
            }
            case SUB_ORCHESTRATION -> {
                g.setFill(colour);
                g.fillRoundRect(left, y, width, height, 4, 4);
                g.setStroke(faded(Color.WHITE, 0.7));
                g.strokeLine(left + 2, y + height / 2, right - 2, y + height / 2);
            }
            default -> {
                g.setFill(colour);
                g.fillRoundRect(left, y, width, height, 4, 4);
            }
        }
        if (selected) {
            g.setStroke(palette.selection());
            g.setLineWidth(2);
            g.strokeRoundRect(left - 2, y - 2, width + 4, height + 4, 6, 6);
        }
        caption(g, layout, palette, bar, left, right, y + height / 2, orchestration || bar.kind() == Bar.Kind.TIMER);
        drawn.add(new Drawn(bar, left, y, width, height));
    }

    /// The duration (and attempt) inside the bar when it fits, else the attempt beside it.
    private void caption(GraphicsContext g, TimelineLayout layout, Palette palette, Bar bar, double left, double right,
                         double middle, boolean onLight) {
        String attempt = bar.attempt() > 1 && bar.kind() != Bar.Kind.ORCHESTRATION ? "attempt " + bar.attempt() : "";
        String length = TimeAxis.duration(bar.duration(layout.now()).toMillis());
        String inside = attempt.isEmpty() ? length : attempt + " · " + length;
        g.setFont(SMALL);
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);
        double visibleLeft = Math.max(left, layout.plotLeft());
        if (Math.min(right, layout.plotRight()) - visibleLeft >= width(inside, SMALL) + 10) {
            g.setFill(onLight ? palette.text() : Color.WHITE);
            g.fillText(inside, visibleLeft + 5, middle);
        } else if (!attempt.isEmpty()) {
            String mark = "×" + bar.attempt();
            boolean roomRight = right + 3 + width(mark, SMALL) <= layout.plotRight() + TimelineLayout.RIGHT;
            g.setFill(palette.muted());
            g.setTextAlign(roomRight ? TextAlignment.LEFT : TextAlignment.RIGHT);
            g.fillText(mark, roomRight ? right + 3 : left - 3, middle);
        }
    }

    private void point(GraphicsContext g, Palette palette, Bar bar, double x, double middle, boolean selected) {
        double r = TimelineLayout.POINT;
        double[] xs = {x, x + r, x, x - r};
        double[] ys = {middle - r, middle, middle + r, middle};
        g.setFill(bar.kind() == Bar.Kind.EVENT_SENT ? palette.muted() : palette.running());
        g.fillPolygon(xs, ys, 4);
        if (selected) {
            g.setStroke(palette.selection());
            g.setLineWidth(2);
            g.strokeOval(x - r - 3, middle - r - 3, 2 * r + 6, 2 * r + 6);
        }
        drawn.add(new Drawn(bar, x - r, middle - r, 2 * r, 2 * r));
    }

    private void nowLine(GraphicsContext g, TimelineLayout layout, Palette palette) {
        if (!layout.timeline().running()) {
            return;
        }
        double x = snap(layout.x(layout.now()));
        g.setStroke(palette.running());
        g.setLineWidth(1);
        g.setLineDashes(3, 3);
        g.strokeLine(x, TimelineLayout.AXIS, x, layout.height());
        g.setLineDashes((double[]) null);
    }

    private void laneLabels(GraphicsContext g, TimelineLayout layout, Palette palette) {
        g.setFill(palette.background());
        g.fillRect(0, TimelineLayout.AXIS, TimelineLayout.LABELS - 1, layout.viewportHeight());
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);
        for (int lane = layout.firstVisibleLane(); lane <= layout.lastVisibleLane(); lane++) {
            Lane info = layout.timeline().lanes().get(lane);
            double top = layout.rowTop(lane);
            if (lane % 2 == 1) {
                g.setFill(palette.stripe());
                g.fillRect(0, top, TimelineLayout.LABELS - 1, TimelineLayout.ROW);
            }
            boolean orchestration = info.kind() == Bar.Kind.ORCHESTRATION;
            boolean secondary = info.kind() != Bar.Kind.ACTIVITY && info.kind() != Bar.Kind.SUB_ORCHESTRATION;
            g.setFont(orchestration ? BOLD : FONT);
            g.setFill(secondary && !orchestration ? palette.muted() : palette.text());
            String label = fit(info.label(), orchestration ? BOLD : FONT, TimelineLayout.LABELS - 20);
            g.fillText(label, 10, top + TimelineLayout.ROW / 2);
            labels.add(info.label());
        }
        g.setStroke(palette.grid());
        g.strokeLine(snap(TimelineLayout.LABELS - 1), TimelineLayout.AXIS, snap(TimelineLayout.LABELS - 1), layout.height());
    }

    private void axis(GraphicsContext g, TimelineLayout layout, Palette palette, long step) {
        g.setFill(palette.background());
        g.fillRect(0, 0, layout.width(), TimelineLayout.AXIS);
        g.setStroke(palette.grid());
        g.strokeLine(0, snap(TimelineLayout.AXIS - 1), layout.width(), snap(TimelineLayout.AXIS - 1));
        g.setFont(SMALL);
        g.setFill(palette.muted());
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText(layout.timeline().lanes().size() + " lanes · " + layout.timeline().bars().size() + " bars", 10,
                TimelineLayout.AXIS / 2);
        g.setTextAlign(TextAlignment.CENTER);
        for (long tick : ticks(layout, step)) {
            double x = layout.plotLeft() + (tick / layout.spanMillis() - layout.offset()) * layout.zoom() * layout.plotWidth();
            if (x >= layout.plotLeft() + 10 && x <= layout.width() - 20) {
                g.fillText(TimeAxis.offset(tick, step), x, TimelineLayout.AXIS / 2);
            }
        }
    }

    /// The tick offsets (ms from the origin) within the plot.
    private static List<Long> ticks(TimelineLayout layout, long step) {
        double from = layout.millisAt(layout.plotLeft());
        double to = layout.millisAt(layout.plotRight());
        List<Long> ticks = new ArrayList<>();
        for (long tick = Math.max(0, (long) Math.ceil(from / step)) * step; tick <= to; tick += step) {
            ticks.add(tick);
        }
        return ticks;
    }

    private String fit(String label, Font font, double maxWidth) {
        if (fitted.size() > 10_000) {
            fitted.clear(); // names are few in practice; this only bounds a pathological history
        }
        return fitted.computeIfAbsent(font.getStyle() + "|" + label, key -> {
            if (width(label, font) <= maxWidth) {
                return label;
            }
            int keep = label.length();
            while (keep > 1 && width(label.substring(0, keep) + "…", font) > maxWidth) {
                keep--;
            }
            return label.substring(0, keep) + "…";
        });
    }

    /// Measuring text lays it out, which costs more than drawing a lane: widths are kept between frames.
    private double width(String text, Font font) {
        if (widths.size() > 10_000) {
            widths.clear();
        }
        return widths.computeIfAbsent(font.getStyle() + font.getSize() + "|" + text, key -> {
            measure.setFont(font);
            measure.setText(text);
            return measure.getLayoutBounds().getWidth();
        });
    }

    private static Paint stateColour(Palette palette, Bar.State state) {
        return switch (state) {
            case RUNNING -> palette.running();
            case COMPLETED -> palette.completed();
            case FAILED -> palette.failed();
            case CANCELED -> palette.canceled();
        };
    }

    private static Paint faded(Paint paint, double opacity) {
        return paint instanceof Color colour ? colour.deriveColor(0, 1, 1, opacity) : paint;
    }

    private static double snap(double coordinate) {
        return Math.floor(coordinate) + 0.5;
    }
}
