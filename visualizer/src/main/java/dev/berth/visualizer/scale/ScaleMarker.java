package dev.berth.visualizer.scale;

import java.time.Instant;
import java.util.List;

/// One autoscaler decision as the chart marks it: `current` → `desired` replicas, the rule that won (empty
/// when none proposed a replica), the reason for people and one line per rule reading ("http: 37 / target 10
/// → 4 replicas"). Immutable.
public record ScaleMarker(Instant at, int current, int desired, String winner, String reason, List<String> readings) {
    public ScaleMarker { readings = List.copyOf(readings); }

    /// The tooltip text: what changed, why, and every rule's reading.
    public String describe(java.time.ZoneId zone) {
        var out = new StringBuilder(dev.berth.visualizer.Formats.time(at, zone)).append("  ")
                .append(current).append(" → ").append(desired).append(desired == 1 ? " replica" : " replicas");
        if (!winner.isEmpty()) out.append(" (").append(winner).append(')');
        out.append('\n').append(reason);
        readings.forEach(r -> out.append("\n• ").append(r));
        return out.toString();
    }
}
