package dev.berth.visualizer.durable;

import java.time.Duration;
import java.time.Instant;

/// A timeline as plain text, one line per lane and per bar, times in milliseconds from the first event:
/// what the golden-history tests compare, so a change in the model shows up as a readable diff. Stateless;
/// any thread.
public final class TimelineText {
    private TimelineText() {
    }

    public static String describe(Timeline timeline) {
        StringBuilder out = new StringBuilder();
        out.append(timeline.name().isEmpty() ? "(no orchestration)" : timeline.name()).append(": ")
                .append(timeline.lanes().size()).append(" lanes, ").append(timeline.bars().size()).append(" bars, ")
                .append(timeline.episodes()).append(" episodes, ").append(timeline.running() ? "running" : "ended")
                .append('\n');
        for (Lane lane : timeline.lanes()) {
            out.append("lane ").append(lane.index()).append(' ').append(lane.kind()).append(" \"")
                    .append(lane.label()).append("\"\n");
            for (Bar bar : timeline.barsOf(lane.index())) {
                out.append("  ").append(bar(bar, timeline.start())).append('\n');
            }
        }
        timeline.problems().forEach(problem -> out.append("problem: ").append(problem).append('\n'));
        return out.toString();
    }

    private static String bar(Bar bar, Instant origin) {
        StringBuilder line = new StringBuilder();
        if (bar.attempt() > 1) {
            line.append(bar.kind() == Bar.Kind.ORCHESTRATION ? "execution " : "attempt ").append(bar.attempt())
                    .append(' ');
        }
        if (bar.point()) {
            line.append('@').append(offset(origin, bar.start()));
        } else {
            line.append(offset(origin, bar.start())).append("..")
                    .append(bar.end() == null ? "now" : offset(origin, bar.end()));
        }
        line.append(' ').append(bar.state());
        field(line, "input", bar.input());
        field(line, "output", bar.output());
        field(line, "error", bar.error());
        field(line, "note", bar.note());
        field(line, "target", bar.target());
        if (bar.fireAt() != null) {
            field(line, "fireAt", offset(origin, bar.fireAt()));
        }
        return line.toString();
    }

    private static void field(StringBuilder line, String name, String value) {
        if (value != null) {
            line.append(' ').append(name).append('=').append(value);
        }
    }

    private static String offset(Instant origin, Instant at) {
        return "+" + Duration.between(origin, at).toMillis() + "ms";
    }
}
