package dev.berth.runner.event;

import java.time.Instant;
import java.util.List;

/// One autoscaler decision for a revision: the replicas it had (`current`, not stopping) and wants
/// (`desired`), each rule's reading, the rule that won (empty when none proposed a replica) and a reason
/// for people, e.g. "queue backlog 120 / target 20 → 6 replicas, capped at max 5". Published when the
/// replica count changes or the outcome differs from the previous decision, not on every poll.
public record ScaleDecision(Instant at, String revision, int current, int desired, List<RuleReading> rules,
                            String winner, String reason) implements RunnerEvent {
    public ScaleDecision { rules = List.copyOf(rules); }

    /// A rule's metric and target at decision time, the replicas it proposed, and whether it was active
    /// (an inactive rule cannot keep the app from scaling to zero). `type`: http, azure-queue, cron, cpu,
    /// memory, or hold (requests waiting while the app is at zero).
    public record RuleReading(String rule, String type, double metric, double target, int proposal, boolean active) {}
}
