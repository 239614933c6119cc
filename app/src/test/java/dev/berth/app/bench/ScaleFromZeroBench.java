package dev.berth.app.bench;

import dev.berth.app.ScaleEndToEndIT;
import dev.berth.runner.docker.DockerEngine;
import dev.berth.runner.session.LocalRunner;
import dev.berth.runner.session.RunOptions;
import dev.berth.runner.session.RunSession;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;

/// Scale from zero to first response for http-python (image built, minReplicas 0, cooldown 3 s): the
/// median of N requests, each sent once the app has no replica and timed until its answer. Run through
/// `bash scripts/bench/scale.sh [N]`.
public final class ScaleFromZeroBench {
    private ScaleFromZeroBench() {}

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        var project = ScaleEndToEndIT.scaleToZeroProject(Files.createTempDirectory("berth-bench-"), "scalebench");
        try (var engine = new DockerEngine(); var http = HttpClient.newHttpClient();
             var session = new LocalRunner(engine, Clock.systemUTC()).start(project, new RunOptions(0, false), e -> {})) {
            var uri = URI.create(session.ingressUri() + "/api/hello/Ada");
            var samples = new ArrayList<Duration>();
            for (int i = 0; i < runs; i++) {
                awaitZero(session);
                long start = System.nanoTime();
                var response = http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
                var took = Duration.ofNanos(System.nanoTime() - start);
                if (response.statusCode() != 200) throw new IllegalStateException("answer " + response.statusCode()
                        + ": " + response.body());
                samples.add(took);
                System.out.printf("  run %d: %.0f ms%n", i + 1, took.toNanos() / 1e6);
            }
            samples.sort(Comparator.naturalOrder());
            System.out.printf("http-python scale from zero → first response: median %.0f ms, min %.0f ms, max %.0f ms (n=%d)%n",
                    samples.get(samples.size() / 2).toNanos() / 1e6, samples.getFirst().toNanos() / 1e6,
                    samples.getLast().toNanos() / 1e6, runs);
        }
    }

    private static void awaitZero(RunSession session) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (!session.replicas().isEmpty()) {
            if (System.nanoTime() > deadline) throw new IllegalStateException("the app did not scale to zero");
            Thread.sleep(50);
        }
    }
}
