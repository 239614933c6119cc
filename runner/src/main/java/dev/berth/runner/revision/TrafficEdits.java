package dev.berth.runner.revision;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/// Checks a traffic change against the revisions there are: names (full, or the suffix after `--`, or
/// "latest"), weights 0–100 summing to 100, labels as Container Apps allows them. Stateless.
final class TrafficEdits {
    static final java.util.regex.Pattern LABEL = java.util.regex.Pattern.compile("[a-z][a-z0-9-]{0,62}");

    private TrafficEdits() {}

    /// `weights` and `labels` (label → name) with every name made a full revision name or [TrafficTable#LATEST].
    static TrafficTable table(String app, Map<String, Integer> weights, Map<String, String> labels,
                              Collection<String> active) throws RevisionException {
        var resolved = new LinkedHashMap<String, Integer>();
        for (var entry : weights.entrySet()) {
            int weight = entry.getValue() == null ? -1 : entry.getValue();
            if (weight < 0 || weight > 100) {
                throw invalid("weight " + entry.getValue() + " for " + entry.getKey() + " is outside 0–100. Fix: give each"
                        + " revision a whole percent from 0 to 100.");
            }
            resolved.merge(target(app, entry.getKey(), active), weight, Integer::sum);
        }
        int sum = resolved.values().stream().mapToInt(Integer::intValue).sum();
        if (sum != 100) {
            throw invalid("the weights " + weights + " sum to " + sum + ", not 100. Fix: make them add up to 100"
                    + " (e.g. " + example(active) + ").");
        }
        var named = new LinkedHashMap<String, String>();
        for (var entry : labels.entrySet()) {
            if (!LABEL.matcher(entry.getKey()).matches()) {
                throw invalid("\"" + entry.getKey() + "\" is not a valid label. Fix: use lowercase letters, digits and"
                        + " '-', starting with a letter.");
            }
            named.put(entry.getKey(), target(app, entry.getValue(), active));
        }
        return new TrafficTable(resolved, named);
    }

    /// A revision as a user names it: in full, by suffix, or "latest".
    static String target(String app, String name, Collection<String> known) throws RevisionException {
        return find(app, name, known).orElseThrow(() -> new RevisionException(RevisionException.Reason.NOT_FOUND,
                "no active revision \"" + name + "\". Fix: use one of " + String.join(", ", known)
                        + ", its suffix, or \"latest\" (`berth revision list` shows them; activate one first).")) ;
    }

    static Optional<String> find(String app, String name, Collection<String> known) {
        if (TrafficTable.LATEST.equals(name)) return Optional.of(TrafficTable.LATEST);
        if (known.contains(name)) return Optional.of(name);
        var full = app + "--" + name;
        return known.contains(full) ? Optional.of(full) : Optional.empty();
    }

    private static String example(Collection<String> active) {
        var names = active.stream().limit(2).toList();
        return names.size() < 2 ? "latest=100" : names.get(0) + "=80 " + names.get(1) + "=20";
    }

    private static RevisionException invalid(String message) {
        return new RevisionException(RevisionException.Reason.INVALID, message);
    }
}
