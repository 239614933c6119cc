package dev.berth.runner.revision;

import java.util.Optional;

/// One entry of `properties.configuration.ingress.traffic[]`: a weight (0–100) for a named revision or for
/// the latest one, optionally with a label. Immutable.
public record TrafficRule(Optional<String> revisionName, boolean latestRevision, int weight, Optional<String> label) {
    /// The target as [TrafficTable] keys it: the revision's name, or [TrafficTable#LATEST].
    public String target() { return latestRevision ? TrafficTable.LATEST : revisionName.orElseThrow(); }
}
