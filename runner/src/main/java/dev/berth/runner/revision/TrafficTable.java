package dev.berth.runner.revision;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/// Traffic as weights per target and labels naming targets. A target is a revision name or [#LATEST]
/// (bound to whichever revision is latest when resolved). Weights of 0 are kept: a revision can be listed
/// without traffic. Immutable; insertion order is kept so tables print as written.
public record TrafficTable(Map<String, Integer> weights, Map<String, String> labels) {
    /// The target "the latest revision", as `latestRevision: true` and `latest=80` say.
    public static final String LATEST = "latest";

    public TrafficTable {
        weights = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(weights));
        labels = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(labels));
    }

    /// Everything to one revision, no labels.
    public static TrafficTable all(String revision) {
        return new TrafficTable(Map.of(revision, 100), Map.of());
    }

    /// The same weights with `other` labels.
    public TrafficTable withLabels(Map<String, String> other) { return new TrafficTable(weights, other); }

    public int sum() { return weights.values().stream().mapToInt(Integer::intValue).sum(); }

    /// The same table with [#LATEST] replaced by `latest` (weights of both merged).
    public TrafficTable resolve(String latest) {
        var concrete = new LinkedHashMap<String, Integer>();
        weights.forEach((target, weight) -> concrete.merge(LATEST.equals(target) ? latest : target, weight, Integer::sum));
        var named = new LinkedHashMap<String, String>();
        labels.forEach((label, target) -> named.put(label, LATEST.equals(target) ? latest : target));
        return new TrafficTable(concrete, named);
    }

    /// Targets that get requests.
    public Set<String> weighted() {
        var set = new java.util.LinkedHashSet<String>();
        weights.forEach((target, weight) -> { if (weight > 0) set.add(target); });
        return set;
    }

    public int weightOf(String revision) { return weights.getOrDefault(revision, 0); }

    /// `a` gets `b`'s weight and labels and the other way round (blue/green swap). Concrete tables only.
    public TrafficTable swap(String a, String b) {
        var swapped = new LinkedHashMap<String, Integer>(weights);
        swapped.put(a, weightOf(b));
        swapped.put(b, weightOf(a));
        var relabelled = new LinkedHashMap<String, String>();
        labels.forEach((label, target) -> relabelled.put(label, target.equals(a) ? b : target.equals(b) ? a : target));
        return new TrafficTable(swapped, relabelled);
    }

    /// Without the entries of `revision` (its weight must already be 0) and labels naming it.
    public TrafficTable without(String revision) {
        var rest = new LinkedHashMap<String, Integer>(weights);
        rest.remove(revision);
        var kept = new LinkedHashMap<String, String>(labels);
        kept.values().removeIf(revision::equals);
        return new TrafficTable(rest, kept);
    }
}
