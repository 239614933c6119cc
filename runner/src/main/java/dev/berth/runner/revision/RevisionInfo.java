package dev.berth.runner.revision;

import java.time.Instant;
import java.util.List;

/// A revision as views and the admin API show it. `image` is the tag built for it (its content hash is
/// in the name, so the tag is never reused for other content); `latest` marks the newest revision that
/// became ready; `weight` is its configured share in percent; `labels` the traffic labels naming it;
/// `readyReplicas` of `replicas` are serving. Immutable snapshot.
public record RevisionInfo(String name, String image, Instant created, RevisionState state, boolean active,
                           boolean latest, int weight, List<String> labels, int readyReplicas, int replicas) {
    public RevisionInfo {
        labels = List.copyOf(labels);
    }
}
