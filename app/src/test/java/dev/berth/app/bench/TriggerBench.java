package dev.berth.app.bench;

import dev.berth.runner.docker.DockerEngine;
import dev.berth.runner.event.InvocationFinished;
import dev.berth.runner.event.InvocationStarted;
import dev.berth.runner.event.ReplicaState;
import dev.berth.runner.event.ReplicaStateChanged;
import dev.berth.runner.event.RunnerEvent;
import dev.berth.runner.session.LocalRunner;
import dev.berth.runner.session.RunOptions;
import dev.berth.runner.session.RunSession;
import dev.berth.templates.Scaffolder;
import dev.berth.templates.TemplateCatalog;

import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/// Trigger latency and throughput on real Docker with the embedded storage: enqueue → the function's
/// invocation starts, blob written → the blob trigger's invocation starts (medians of N, one at a time),
/// and messages per second through one Python replica (queue-python, which also writes a receipt blob
/// per message). Run through `bash scripts/bench.sh`.
public final class TriggerBench {
    private TriggerBench() {}

    public static void main(String[] args) throws Exception {
        int samples = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        int burst = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        try (var engine = new DockerEngine()) {
            var runner = new LocalRunner(engine, Clock.systemUTC());
            var events = new ConcurrentLinkedQueue<RunnerEvent>();
            try (var session = start(runner, "queue-python", events)) {
                var latencies = new ArrayList<Duration>();
                for (int i = 0; i < samples; i++) {
                    events.clear();
                    var put = Instant.now();
                    session.storage().queues().put("orders", order("L-" + i));
                    latencies.add(Duration.between(put, awaitStarted(events, "queueTrigger").at()));
                    awaitFinished(events, 1);
                }
                print("enqueue → invocation starts", latencies);
                throughput(session, events, burst);
            }
            try (var session = start(runner, "blob-python", events)) {
                session.storage().blobs().createContainer("images");
                var latencies = new ArrayList<Duration>();
                for (int i = 0; i < samples; i++) {
                    events.clear();
                    var put = Instant.now();
                    session.storage().blobs().put("images", "img-" + i + ".png", new byte[1024], "image/png");
                    latencies.add(Duration.between(put, awaitStarted(events, "blobTrigger").at()));
                    awaitFinished(events, 1);
                }
                print("blob written → invocation starts", latencies);
            }
        }
    }

    private static void throughput(RunSession session, ConcurrentLinkedQueue<RunnerEvent> events, int burst)
            throws InterruptedException {
        events.clear();
        var messages = new ArrayList<String>();
        for (int i = 0; i < burst; i++) messages.add(order("T-" + i));
        var start = System.nanoTime();
        for (int i = 0; i < burst; i += 32) {
            session.storage().queues().putAll("orders", messages.subList(i, Math.min(burst, i + 32)), Duration.ZERO,
                    Duration.ofDays(7));
        }
        awaitFinished(events, burst);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("%-34s %8.0f messages/s  (%d messages in %.1f s, one replica)%n",
                "queue end to end (queue-python)", burst / seconds, burst, seconds);
    }

    private static RunSession start(LocalRunner runner, String template, ConcurrentLinkedQueue<RunnerEvent> events)
            throws Exception {
        var dir = Files.createTempDirectory("berth-trigger-bench-");
        var project = new Scaffolder().scaffold(TemplateCatalog.builtIn().find(template).orElseThrow(), dir.resolve("app"), "bench");
        var session = runner.start(project, new RunOptions(0, false), events::add);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (events.stream().noneMatch(e -> e instanceof ReplicaStateChanged r && r.state() == ReplicaState.READY)) {
            if (System.nanoTime() > deadline) throw new IllegalStateException("no replica became ready");
            Thread.sleep(20);
        }
        return session;
    }

    private static InvocationStarted awaitStarted(ConcurrentLinkedQueue<RunnerEvent> events, String trigger)
            throws InterruptedException {
        while (true) {
            for (var e : events) if (e instanceof InvocationStarted s && s.trigger().equals(trigger)) return s;
            Thread.sleep(1);
        }
    }

    private static void awaitFinished(ConcurrentLinkedQueue<RunnerEvent> events, int count) throws InterruptedException {
        var seen = new AtomicInteger();
        while (true) {
            seen.set(0);
            for (var e : events) if (e instanceof InvocationFinished) seen.incrementAndGet();
            if (seen.get() >= count) return;
            Thread.sleep(5);
        }
    }

    private static String order(String id) {
        return "{\"id\": \"" + id + "\", \"lines\": [{\"price\": 1, \"quantity\": 1}]}";
    }

    private static void print(String what, List<Duration> samples) {
        var sorted = new ArrayList<>(samples);
        Collections.sort(sorted);
        System.out.printf("%-34s p50 %6.1f ms   p90 %6.1f ms   (n=%d)%n", what, ms(sorted.get(sorted.size() / 2)),
                ms(sorted.get(sorted.size() * 9 / 10)), sorted.size());
    }

    private static double ms(Duration d) { return d.toNanos() / 1e6; }
}
