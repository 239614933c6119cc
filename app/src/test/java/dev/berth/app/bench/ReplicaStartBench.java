package dev.berth.app.bench;

import dev.berth.runner.docker.DockerEngine;
import dev.berth.runner.event.ReplicaState;
import dev.berth.runner.event.ReplicaStateChanged;
import dev.berth.runner.event.RunnerEvent;
import dev.berth.runner.session.LocalRunner;
import dev.berth.runner.session.RunOptions;
import dev.berth.templates.Scaffolder;
import dev.berth.templates.TemplateCatalog;

import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/// Replica start → Ready with the image already built, per template: the median of N starts, each
/// measured between the replica's STARTING and READY events (the runner's own clock). The first run of
/// each template builds the image and is not counted. Run through `bash scripts/bench.sh`.
public final class ReplicaStartBench {
    private ReplicaStartBench() {}

    public static void main(String[] args) throws Exception {
        int starts = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        try (var engine = new DockerEngine()) {
            var runner = new LocalRunner(engine, Clock.systemUTC());
            var catalog = TemplateCatalog.builtIn();
            for (var id : List.of("http-python", "http-java")) {
                var dir = Files.createTempDirectory("berth-bench-");
                var project = new Scaffolder().scaffold(catalog.find(id).orElseThrow(), dir.resolve("app"), "bench");
                startOnce(runner, project); // builds the image
                var samples = new ArrayList<Duration>();
                for (int i = 0; i < starts; i++) samples.add(startOnce(runner, project));
                samples.sort(Comparator.naturalOrder());
                System.out.printf("%-12s start→Ready  median %6.0f ms   min %6.0f ms   max %6.0f ms   (n=%d)%n", id,
                        ms(samples.get(samples.size() / 2)), ms(samples.getFirst()), ms(samples.getLast()), starts);
            }
        }
    }

    private static Duration startOnce(LocalRunner runner, java.nio.file.Path project) throws Exception {
        var starting = new CompletableFuture<ReplicaStateChanged>();
        var ready = new CompletableFuture<ReplicaStateChanged>();
        try (var ignored = runner.start(project, new RunOptions(0, false), (RunnerEvent event) -> {
            if (event instanceof ReplicaStateChanged r) {
                if (r.state() == ReplicaState.STARTING) starting.complete(r);
                if (r.state() == ReplicaState.READY) ready.complete(r);
            }
        })) {
            var end = ready.get(3, TimeUnit.MINUTES);
            return Duration.between(starting.get().at(), end.at());
        }
    }

    private static double ms(Duration d) { return d.toNanos() / 1e6; }
}
