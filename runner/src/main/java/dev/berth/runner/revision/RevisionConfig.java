package dev.berth.runner.revision;

import java.util.List;
import java.util.Optional;

/// The revision settings of containerapp.yaml: the mode, the optional `revisionSuffix` and the traffic rules.
/// Immutable.
public record RevisionConfig(ActiveRevisionsMode mode, Optional<String> revisionSuffix, List<TrafficRule> traffic) {
    public RevisionConfig {
        traffic = List.copyOf(traffic);
    }

    /// What Container Apps does without a file: Single mode, all traffic to the latest revision.
    public static RevisionConfig defaults() {
        return new RevisionConfig(ActiveRevisionsMode.SINGLE, Optional.empty(),
                List.of(new TrafficRule(Optional.empty(), true, 100, Optional.empty())));
    }

    /// The configured weights and labels as a table (latest-bound entries stay bound to "latest").
    public TrafficTable table() {
        var weights = new java.util.LinkedHashMap<String, Integer>();
        var labels = new java.util.LinkedHashMap<String, String>();
        for (var rule : traffic) {
            weights.merge(rule.target(), rule.weight(), Integer::sum);
            rule.label().ifPresent(label -> labels.put(label, rule.target()));
        }
        return new TrafficTable(weights, labels);
    }
}
