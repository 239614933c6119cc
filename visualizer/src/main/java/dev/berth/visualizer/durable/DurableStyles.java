package dev.berth.visualizer.durable;

import java.net.URL;
import java.util.Locale;
import java.util.Objects;

/// Where the durable views' stylesheet lives, and the style class of a runtime status. The colours are
/// AtlantaFX looked-up colours, so light and dark themes both work. Stateless; any thread.
public final class DurableStyles {
    static final String STYLESHEET = locate();

    private DurableStyles() {
    }

    /// "status-running", "status-failed" … for "Running", "Failed" …; "status-other" for anything else.
    public static String statusClass(String status) {
        if (status == null) {
            return "status-other";
        }
        return switch (status.toLowerCase(Locale.ROOT)) {
            case "running", "pending" -> "status-running";
            case "completed" -> "status-completed";
            case "failed" -> "status-failed";
            case "suspended" -> "status-suspended";
            default -> "status-other";
        };
    }

    private static String locate() {
        URL url = Objects.requireNonNull(DurableStyles.class.getResource("durable.css"),
                "dev/berth/visualizer/durable/durable.css is missing from the visualizer jar");
        return url.toExternalForm();
    }
}
