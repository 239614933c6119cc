package dev.berth.runner.revision;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/// Smooth weighted round-robin (as nginx balances upstreams): every pick adds each entry's weight to its
/// running score, takes the highest score and subtracts the total from it. Deterministic, and over any
/// `total` consecutive picks each entry is picked exactly `weight` times, spread out rather than in runs,
/// so an 80/20 split is exact over every 100 requests. Thread-safe (picks are serialised).
final class WeightedPicker {
    private final List<String> names = new ArrayList<>();
    private final int[] weights;
    private final int[] scores;
    private final int total;

    /// Entries with weight 0 are never picked; `weights` must hold at least one positive weight.
    WeightedPicker(Map<String, Integer> weights) {
        weights.forEach((name, weight) -> { if (weight > 0) names.add(name); });
        if (names.isEmpty()) throw new IllegalArgumentException("no revision has a weight above 0: " + weights);
        this.weights = names.stream().mapToInt(weights::get).toArray();
        this.scores = new int[names.size()];
        this.total = java.util.Arrays.stream(this.weights).sum();
    }

    synchronized String pick() {
        int best = 0;
        for (int i = 0; i < scores.length; i++) {
            scores[i] += weights[i];
            if (scores[i] > scores[best]) best = i;
        }
        scores[best] -= total;
        return names.get(best);
    }
}
