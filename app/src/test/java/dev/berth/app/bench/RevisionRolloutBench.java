package dev.berth.app.bench;

import dev.berth.runner.docker.DockerEngine;
import dev.berth.runner.event.ReplicaState;
import dev.berth.runner.event.ReplicaStateChanged;
import dev.berth.runner.session.LocalRunner;
import dev.berth.runner.session.RunOptions;
import dev.berth.templates.Scaffolder;
import dev.berth.templates.TemplateCatalog;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/// Save → new revision serving, per template: with `berth run` up, the greeting in the handler's source is
/// changed on disk, and the clock runs from that write until a request through the ingress answers with
/// the new greeting (watcher debounce, image build, replica start and readiness, traffic switch). The median
/// of N saves; the session's first build is not counted. Run through `bash scripts/bench/revisions.sh`.
public final class RevisionRolloutBench {
    private record Case(String template, Path source, String before) {}

    private RevisionRolloutBench() {}

    public static void main(String[] args) throws Exception {
        int saves = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        var cases = List.of(
                new Case("http-python", Path.of("handler.py"), "os.environ.get(\"GREETING\", \"Hello\")"),
                new Case("http-java", Path.of("src/main/java/app/Hello.java"), "System.getenv().getOrDefault(\"GREETING\", \"Hello\")"));
        try (var engine = new DockerEngine(); var http = HttpClient.newHttpClient()) {
            var runner = new LocalRunner(engine, Clock.systemUTC());
            for (var c : cases) {
                var dir = Files.createTempDirectory("berth-bench-");
                var project = new Scaffolder().scaffold(TemplateCatalog.builtIn().find(c.template()).orElseThrow(),
                        dir.resolve("app"), "bench-rev");
                var ready = new CountDownLatch(1);
                try (var session = runner.start(project, new RunOptions(0, false), event -> {
                    if (event instanceof ReplicaStateChanged r && r.state() == ReplicaState.READY) ready.countDown();
                })) {
                    if (!ready.await(3, TimeUnit.MINUTES)) throw new IllegalStateException("no replica became ready");
                    var samples = new ArrayList<Duration>();
                    var previous = c.before();
                    for (int i = 1; i <= saves; i++) {
                        var greeting = "Save" + i;
                        var file = project.resolve(c.source());
                        long start = System.nanoTime();
                        Files.writeString(file, Files.readString(file).replace(previous, "\"" + greeting + "\""));
                        previous = "\"" + greeting + "\"";
                        awaitGreeting(http, URI.create(session.ingressUri() + "/api/hello/Ada"), greeting);
                        samples.add(Duration.ofNanos(System.nanoTime() - start));
                    }
                    samples.sort(null);
                    System.out.printf("%-12s save→serving  median %6.0f ms   min %6.0f ms   max %6.0f ms   (n=%d)%n",
                            c.template(), ms(samples.get(samples.size() / 2)), ms(samples.getFirst()),
                            ms(samples.getLast()), saves);
                }
            }
        }
    }

    private static void awaitGreeting(HttpClient http, URI uri, String greeting) throws Exception {
        var deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < deadline) {
            var body = http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString()).body();
            if (body.startsWith(greeting)) return;
            Thread.sleep(5);
        }
        throw new IllegalStateException("the new revision did not serve within 3 minutes");
    }

    private static double ms(Duration d) { return d.toNanos() / 1e6; }
}
