package dev.berth.app.bench;

import dev.berth.runner.docker.DockerEngine;
import dev.berth.runner.event.ReplicaState;
import dev.berth.runner.event.ReplicaStateChanged;
import dev.berth.runner.event.RunnerEvent;
import dev.berth.runner.session.LocalRunner;
import dev.berth.runner.session.RunOptions;

import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/// Backlog appears → extra replica Ready, for queue-python (one replica running, azure-queue rule of 5
/// messages per replica, max 3, polling interval `args[1]` s, default 2): each run puts a backlog big enough
/// to outlast a polling interval and times until a second replica is READY. The bound is one
/// polling interval plus a replica start. Run through `bash scripts/bench/scale.sh`.
public final class BacklogScaleBench {
    private BacklogScaleBench() {}

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int polling = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        var project = dev.berth.app.QueueScaleEndToEndIT.queueScaledProject(Files.createTempDirectory("berth-bench-"),
                "backlog", 1, polling, 2);
        var events = Collections.synchronizedList(new ArrayList<RunnerEvent>());
        var samples = new ArrayList<Duration>();
        try (var engine = new DockerEngine();
             var session = new LocalRunner(engine, Clock.systemUTC()).start(project, new RunOptions(0, false), events::add)) {
            var queues = session.storage().queues();
            queues.createIfNotExists("orders");
            for (int i = 0; i < runs; i++) {
                await(() -> ready(session) == 1, "back to one replica");
                var start = Instant.now();
                for (int m = 0; m < 1500; m++) {
                    queues.put("orders", "{\"orderId\": " + m + ", \"lines\": [{\"price\": 2, \"quantity\": 3}]}");
                }
                await(() -> readySince(events, start), "a second replica ready");
                var took = Duration.between(start, firstReadySince(events, start));
                samples.add(took);
                System.out.printf("  run %d: %.0f ms%n", i + 1, took.toNanos() / 1e6);
                await(() -> queues.counts("orders").visible() + queues.counts("orders").invisible() == 0, "queue drained");
            }
        }
        samples.sort(Comparator.naturalOrder());
        System.out.printf("queue-python backlog → extra replica READY: median %.0f ms (polling interval %d s; n=%d, min %.0f, max %.0f)%n",
                samples.get(samples.size() / 2).toNanos() / 1e6, polling, runs, samples.getFirst().toNanos() / 1e6,
                samples.getLast().toNanos() / 1e6);
    }

    private static long ready(dev.berth.runner.session.RunSession session) {
        return session.replicas().stream().filter(r -> r.state() == ReplicaState.READY).count();
    }

    private static boolean readySince(List<RunnerEvent> events, Instant since) {
        return firstReadySince(events, since) != null;
    }

    private static Instant firstReadySince(List<RunnerEvent> events, Instant since) {
        synchronized (events) {
            return events.stream().filter(ReplicaStateChanged.class::isInstance).map(ReplicaStateChanged.class::cast)
                    .filter(e -> e.state() == ReplicaState.READY && e.at().isAfter(since)).map(ReplicaStateChanged::at)
                    .findFirst().orElse(null);
        }
    }

    private static void await(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new IllegalStateException("timed out waiting for " + what);
            Thread.sleep(20);
        }
    }
}
