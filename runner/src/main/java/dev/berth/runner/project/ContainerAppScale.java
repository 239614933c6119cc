package dev.berth.runner.project;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

/// The scale section of containerapp.yaml (`properties.template.scale`), with Container Apps' defaults:
/// replica bounds, KEDA's `pollingInterval` and `cooldownPeriod` (possibly shortened by a local setting,
/// see [ContainerAppScaleReader]), the rules, and how long the ingress holds a request while scaling from
/// zero. Immutable.
public record ContainerAppScale(int minReplicas, int maxReplicas, Duration pollingInterval, Duration cooldownPeriod,
                                Duration holdDeadline, List<Rule> rules) {
    public static final Duration DEFAULT_POLLING = Duration.ofSeconds(30);
    public static final Duration DEFAULT_COOLDOWN = Duration.ofSeconds(300);
    public static final Duration DEFAULT_HOLD = Duration.ofSeconds(20);

    public ContainerAppScale { rules = List.copyOf(rules); }

    /// Bounds only, every timing at its default, no rules.
    public static ContainerAppScale of(int minReplicas, int maxReplicas) {
        return new ContainerAppScale(minReplicas, maxReplicas, DEFAULT_POLLING, DEFAULT_COOLDOWN, DEFAULT_HOLD, List.of());
    }

    /// One scale rule; `name` is the rule's `name` in the file.
    public sealed interface Rule {
        String name();
    }

    /// `http.metadata.concurrentRequests`: requests in flight (held ones included) per replica.
    public record Http(String name, int concurrentRequests) implements Rule {}

    /// `azureQueue` or `custom` type `azure-queue`: messages (visible and invisible) per replica on one of
    /// Berth's embedded queues.
    public record Queue(String name, String queueName, int queueLength) implements Rule {}

    /// `custom` type `cron`: `desiredReplicas` between each `start` and the following `end` (standard 5-field
    /// cron expressions in `timezone`).
    public record Cron(String name, String start, String end, int desiredReplicas, ZoneId timezone) implements Rule {}

    /// `custom` type `cpu` or `memory` with `metadata.type: Utilization` and `value`: the average use in
    /// percent of the container's requested cpu or memory that one replica should carry. Type `gpu` (Berth's
    /// own: KEDA has no GPU scaler) reads the replicas' mean GPU utilisation, in percent of their devices.
    public record Utilization(String name, Resource resource, int targetPercent) implements Rule {}

    public enum Resource { CPU, MEMORY, GPU }
}
