package dev.berth.visualizer.revision;

import dev.berth.visualizer.Tone;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/// One revision as the revisions list shows it. `state` is "Provisioning", "Running", "Failed" or
/// "Inactive"; `weight` its configured share of the traffic in percent; `readyReplicas` of `replicas` are
/// serving. Immutable; any thread.
public record RevisionRow(String name, String state, boolean active, boolean latest, int readyReplicas, int replicas,
                          Instant created, String image, int weight, List<String> labels) {
    public RevisionRow {
        labels = List.copyOf(labels);
    }

    /// How healthy it looks: running with a ready replica green; provisioning, or running with none ready,
    /// amber; failed red; inactive muted.
    public Tone health() {
        return switch (state.toLowerCase(Locale.ROOT)) {
            case "running" -> readyReplicas > 0 ? Tone.SUCCESS : Tone.WARNING;
            case "provisioning" -> Tone.WARNING;
            case "failed" -> Tone.DANGER;
            default -> Tone.MUTED;
        };
    }

    /// The state with what it means for serving, e.g. "Running · healthy", "Running · no replica ready".
    public String healthText() {
        return switch (health()) {
            case SUCCESS -> state + " · healthy";
            case WARNING -> "running".equalsIgnoreCase(state) ? state + " · no replica ready" : state + "…";
            default -> state;
        };
    }
}
