package dev.berth.runner.scale;

import dev.berth.runner.event.EventListener;
import dev.berth.runner.event.ReplicaState;
import dev.berth.runner.event.RunnerNotice;
import dev.berth.runner.ingress.Ingress;
import dev.berth.runner.project.ContainerAppScale;
import dev.berth.runner.project.FunctionApp;
import dev.berth.runner.queue.QueueStore;
import dev.berth.runner.replica.ReplicaSet;
import dev.berth.runner.replica.Waits;

import dev.berth.runner.container.ResourceUse;

import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;
import java.util.HashMap;
import java.util.OptionalDouble;

/// Wires an [Autoscaler] into a running session: samples the ingress's [RequestGauge] and the embedded
/// queues and (for cpu/memory rules) the replicas' container stats, steers the target revision, holds
/// requests at zero replicas, and serves the decisions on the admin API. Thread-safe.
public final class AppAutoscaler {
    private AppAutoscaler() {}

    /// Starts the loop over whatever `target` steers (a session's latest revision, which changes with rollouts).
    /// `usage` samples the target's replicas (called only when a cpu or memory rule needs it); `gpu` gives
    /// the busy % of their GPUs, added up over distinct devices (called only when a gpu rule needs it).
    public static Autoscaler start(FunctionApp app, String revision, Autoscaler.Target target, Ingress ingress,
                                   QueueStore queues, Supplier<List<ResourceUse>> usage, Supplier<OptionalDouble> gpu,
                                   EventListener events, Clock clock) {
        var scale = keepDurableWorker(app, app.containerApp().scale(), events, clock);
        boolean http = app.functions().stream().anyMatch(f -> f.httpTrigger().isPresent());
        var engine = new ScaleEngine(scale, http, revision, clock);
        var gauge = ingress.requestGauge();
        var autoscaler = new Autoscaler(engine, () -> sample(scale, gauge, queues, usage, gpu), target, events,
                scale.pollingInterval(), Waits.real());
        gauge.onHold(autoscaler::wake);
        ingress.autoscaled(scale.holdDeadline(), autoscaler::recent);
        events.onEvent(new RunnerNotice(clock.instant(), RunnerNotice.Level.INFO, "autoscaler: " + scale.minReplicas()
                + "–" + scale.maxReplicas() + " replicas, polling every " + scale.pollingInterval().toSeconds()
                + " s, cooldown " + scale.cooldownPeriod().toSeconds() + " s"));
        return autoscaler.start();
    }

    /// Replicas that count as the revision's: all but those stopping.
    public static int running(java.util.List<dev.berth.runner.replica.ReplicaInfo> replicas) {
        return (int) replicas.stream()
                .filter(r -> r.state() != ReplicaState.STOPPING && r.state() != ReplicaState.STOPPED).count();
    }

    /// A durable app's orchestrations only move while a replica's SDK worker is connected, and nothing
    /// here measures durable backlog yet; so such an app keeps one replica (said once, at start).
    static ContainerAppScale keepDurableWorker(FunctionApp app, ContainerAppScale scale, EventListener events, Clock clock) {
        if (!app.uses(java.util.Set.of("orchestrationTrigger", "activityTrigger")) || scale.minReplicas() > 0) return scale;
        events.onEvent(new RunnerNotice(clock.instant(), RunnerNotice.Level.INFO, "durable functions: keeping one"
                + " replica (minReplicas 0 would stop the worker that runs orchestrations)"));
        return new ContainerAppScale(1, Math.max(1, scale.maxReplicas()), scale.pollingInterval(),
                scale.cooldownPeriod(), scale.holdDeadline(), scale.rules());
    }

    static ScaleMetrics sample(ContainerAppScale scale, RequestGauge gauge, QueueStore queues,
                               Supplier<List<ResourceUse>> usage, Supplier<OptionalDouble> gpu) {
        var lengths = new HashMap<String, Long>();
        boolean queueRules = scale.rules().stream().anyMatch(ContainerAppScale.Queue.class::isInstance);
        // A queue not created yet is simply empty (no error): all counts in one read.
        if (queueRules && queues != null) {
            queues.counts().forEach(c -> lengths.put(c.queue(), c.visible() + c.invisible()));
        }
        var cpu = OptionalDouble.empty();
        var memory = OptionalDouble.empty();
        if (uses(scale, ContainerAppScale.Resource.CPU) || uses(scale, ContainerAppScale.Resource.MEMORY)) {
            // As the HPA: the average over the replicas, in percent of what each container was given.
            var samples = usage.get();
            cpu = samples.stream().mapToDouble(ResourceUse::cpuPercent).average();
            memory = samples.stream().mapToDouble(ResourceUse::memoryPercent).average();
        }
        // The sampler measures GPUs anyway (for the charts): the rule reads its latest figures, no extra call.
        var gpuUse = uses(scale, ContainerAppScale.Resource.GPU) ? gpu.get() : OptionalDouble.empty();
        return new ScaleMetrics(gauge.takePeak(), gauge.held(), lengths, cpu, memory, gpuUse);
    }

    private static boolean uses(ContainerAppScale scale, ContainerAppScale.Resource resource) {
        return scale.rules().stream().anyMatch(r -> r instanceof ContainerAppScale.Utilization u && u.resource() == resource);
    }
}
