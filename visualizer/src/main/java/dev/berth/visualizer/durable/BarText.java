package dev.berth.visualizer.durable;

import java.time.Instant;
import java.util.Locale;

/// How a bar is described in words: in the tooltip and the detail pane's header. Stateless; any thread.
public final class BarText {
    private BarText() {
    }

    /// "SayHello · activity · attempt 2".
    public static String title(Bar bar) {
        String attempt = bar.attempt() > 1
                ? (bar.kind() == Bar.Kind.ORCHESTRATION ? " · execution " : " · attempt ") + bar.attempt() : "";
        return bar.name() + " · " + kind(bar.kind()) + attempt;
    }

    /// "completed after 37 ms", "running for 2.00 s", "raised".
    public static String outcome(Bar bar, Instant now) {
        String length = TimeAxis.duration(bar.duration(now).toMillis());
        if (bar.point()) {
            return bar.kind() == Bar.Kind.EVENT_RAISED ? "raised" : "sent";
        }
        return switch (bar.state()) {
            case RUNNING -> "running for " + length;
            case COMPLETED -> "completed after " + length;
            case FAILED -> "failed after " + length;
            case CANCELED -> "canceled after " + length;
        };
    }

    /// Title and outcome on two lines, with the failure's first line when there is one.
    public static String summary(Bar bar, Instant now) {
        String text = title(bar) + "\n" + outcome(bar, now);
        if (bar.error() != null) {
            text += "\n" + bar.error().lines().findFirst().orElse("");
        }
        return text;
    }

    static String kind(Bar.Kind kind) {
        return kind.name().toLowerCase(Locale.ROOT).replace("sub_orchestration", "sub-orchestration")
                .replace('_', ' ');
    }
}
