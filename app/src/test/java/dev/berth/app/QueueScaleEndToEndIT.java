package dev.berth.app;

import dev.berth.runner.docker.DockerEngine;
import dev.berth.runner.event.ReplicaState;
import dev.berth.runner.event.RunnerEvent;
import dev.berth.runner.event.ScaleDecision;
import dev.berth.runner.session.LocalRunner;
import dev.berth.runner.session.RunOptions;
import dev.berth.runner.session.RunSession;
import dev.berth.templates.Scaffolder;
import dev.berth.templates.TemplateCatalog;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/// queue-python at minReplicas 0 with an azure-queue rule (5 messages per replica, at most 3 replicas) and
/// the demo timings: a backlog put while it is at zero scales it out by the queue rule (each decision
/// ceil(backlog / 5) capped at 3, with its reason), every message is processed, and it goes back to zero.
@Tag("docker")
public class QueueScaleEndToEndIT {
    @TempDir Path dir;

    /// queue-python with an azure-queue rule on `orders` (5 messages per replica, at most 3) and the demo
    /// timings; shared with the backlog benchmark.
    public static Path queueScaledProject(Path parent, String name, int minReplicas, int pollingSeconds,
                                          int cooldownSeconds) throws java.io.IOException {
        var project = new Scaffolder().scaffold(TemplateCatalog.builtIn().find("queue-python").orElseThrow(),
                parent.resolve(name), name);
        var yaml = project.resolve("containerapp.yaml");
        Files.writeString(yaml, Files.readString(yaml).replace("      minReplicas: 1\n      maxReplicas: 10",
                String.join("\n", "      minReplicas: " + minReplicas, "      maxReplicas: 3", "      rules:",
                        "        - name: orders-backlog", "          custom:", "            type: azure-queue",
                        "            metadata:", "              queueName: orders", "              queueLength: \"5\"")));
        var settings = project.resolve("local.settings.json");
        Files.writeString(settings, Files.readString(settings).replace("\"FUNCTIONS_WORKER_RUNTIME\": \"custom\",",
                "\"FUNCTIONS_WORKER_RUNTIME\": \"custom\", \"BERTH_SCALE_POLLING_SECONDS\": \"" + pollingSeconds + "\","
                        + " \"BERTH_SCALE_COOLDOWN_SECONDS\": \"" + cooldownSeconds + "\","));
        return project;
    }

    @Test
    void queueBacklog_scalesOutByTheQueueRule_thenBackToZero() throws Exception {
        var project = queueScaledProject(dir, "backlog", 0, 1, 3);
        var events = Collections.synchronizedList(new ArrayList<RunnerEvent>());
        try (var engine = new DockerEngine();
             var session = new LocalRunner(engine, Clock.systemUTC()).start(project, new RunOptions(0, false), events::add)) {
            await("scaled to zero", 120, () -> noReplica(session) && decisions(events).stream().anyMatch(d -> d.desired() == 0));
            int before = decisions(events).size();

            var queues = session.storage().queues();
            queues.createIfNotExists("orders");
            for (int i = 0; i < 200; i++) {
                queues.put("orders", "{\"orderId\": " + i + ", \"lines\": [{\"price\": 2, \"quantity\": 3}]}");
            }

            await("scaled out by the queue rule", 60, () -> decisions(events).stream().skip(before)
                    .anyMatch(d -> d.winner().equals("orders-backlog") && d.desired() >= 2));
            // Whatever backlog a poll saw, the decision follows KEDA: ceil(backlog / 5), capped at max 3.
            for (var d : decisions(events).stream().skip(before).filter(d -> d.winner().equals("orders-backlog")).toList()) {
                var reading = d.rules().stream().filter(r -> r.rule().equals("orders-backlog")).findFirst().orElseThrow();
                int wanted = (int) Math.ceil(reading.metric() / 5);
                assertThat(d.desired()).as("decision %s", d).isEqualTo(Math.min(3, wanted));
                assertThat(d.reason()).contains("queue backlog").contains("/ target 5");
                if (wanted > 3) assertThat(d.reason()).contains("max 3");
            }
            await("every message processed", 60, () -> queues.counts("orders").visible() + queues.counts("orders").invisible() == 0);
            await("back to zero", 60, () -> noReplica(session));
        }
    }

    private static List<ScaleDecision> decisions(List<RunnerEvent> events) {
        synchronized (events) {
            return events.stream().filter(ScaleDecision.class::isInstance).map(ScaleDecision.class::cast).toList();
        }
    }

    private static boolean noReplica(RunSession session) {
        return session.replicas().stream().allMatch(r -> r.state() == ReplicaState.STOPPED);
    }

    private static void await(String what, int seconds, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) Thread.sleep(100);
        assertThat(condition.getAsBoolean()).as(what).isTrue();
    }
}
