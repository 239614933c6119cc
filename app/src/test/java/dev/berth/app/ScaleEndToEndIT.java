package dev.berth.app;

import dev.berth.runner.docker.DockerEngine;
import dev.berth.runner.event.ReplicaState;
import dev.berth.runner.event.RunnerEvent;
import dev.berth.runner.event.ScaleDecision;
import dev.berth.runner.session.LocalRunner;
import dev.berth.runner.session.RunOptions;
import dev.berth.templates.Scaffolder;
import dev.berth.templates.TemplateCatalog;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/// http-python with minReplicas 0, an http rule of 2 concurrent requests and the demo settings (poll 1 s,
/// cooldown 3 s): its first replica scales to zero, a burst of held requests is answered and scales it
/// out, and it goes back to zero once quiet.
@Tag("docker")
public class ScaleEndToEndIT {
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir Path dir;

    /// The http-python template made to scale to zero quickly; shared with the scale benchmark.
    public static Path scaleToZeroProject(Path parent, String name) throws IOException {
        var project = new Scaffolder().scaffold(TemplateCatalog.builtIn().find("http-python").orElseThrow(),
                parent.resolve(name), name);
        var yaml = project.resolve("containerapp.yaml");
        Files.writeString(yaml, Files.readString(yaml).replace("minReplicas: 1", "minReplicas: 0")
                .replace("maxReplicas: 10", """
                        maxReplicas: 3
                              rules:
                                - name: web
                                  http:
                                    metadata:
                                      concurrentRequests: "2\""""));
        var settings = project.resolve("local.settings.json");
        Files.writeString(settings, Files.readString(settings).replace("\"GREETING\": \"Hello\"",
                "\"GREETING\": \"Hello\", \"BERTH_SCALE_POLLING_SECONDS\": \"1\", \"BERTH_SCALE_COOLDOWN_SECONDS\": \"3\""));
        return project;
    }

    @Test
    void httpLoad_scalesFromZeroToSeveral_andBackToZeroAfterCooldown() throws Exception {
        var project = scaleToZeroProject(dir, "scaly");
        var events = Collections.synchronizedList(new ArrayList<RunnerEvent>());
        try (var engine = new DockerEngine();
             var session = new LocalRunner(engine, Clock.systemUTC()).start(project, new RunOptions(0, false), events::add)) {
            awaitDecision(events, d -> d.desired() == 0, 120);
            awaitNoReplica(session);

            var uri = URI.create(session.ingressUri() + "/api/hello/Ada");
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (!hasDecision(events, d -> d.desired() >= 2) && System.nanoTime() < deadline) {
                var burst = new ArrayList<CompletableFuture<HttpResponse<String>>>();
                for (int i = 0; i < 12; i++) {
                    burst.add(http.sendAsync(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString()));
                }
                for (var response : burst) assertThat(response.get().statusCode()).isEqualTo(200);
            }

            assertThat(decisions(events)).filteredOn(d -> d.current() == 0 && d.desired() >= 1).isNotEmpty();
            assertThat(decisions(events)).anySatisfy(d -> {
                assertThat(d.desired()).isBetween(2, 3);
                assertThat(d.reason()).contains("concurrent requests / target 2");
            });
            int before = decisions(events).size();
            awaitDecision(events.subList(before, events.size()), d -> d.desired() == 0, 30);
            awaitNoReplica(session);
        }
    }

    private static List<ScaleDecision> decisions(List<RunnerEvent> events) {
        synchronized (events) {
            return events.stream().filter(ScaleDecision.class::isInstance).map(ScaleDecision.class::cast).toList();
        }
    }

    private static boolean hasDecision(List<RunnerEvent> events, Predicate<ScaleDecision> test) {
        return decisions(events).stream().anyMatch(test);
    }

    private static void awaitDecision(List<RunnerEvent> events, Predicate<ScaleDecision> test, int seconds)
            throws InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (!hasDecision(events, test) && System.nanoTime() < deadline) Thread.sleep(100);
        assertThat(hasDecision(events, test)).as("decision reached; decisions: %s", decisions(events)).isTrue();
    }

    private static void awaitNoReplica(dev.berth.runner.session.RunSession session) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!session.replicas().isEmpty() && System.nanoTime() < deadline) Thread.sleep(100);
        assertThat(session.replicas()).as("replicas gone").allSatisfy(r -> assertThat(r.state()).isEqualTo(ReplicaState.STOPPED));
    }
}
