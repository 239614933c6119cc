package dev.berth.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.runner.container.ContainerEngine;
import dev.berth.runner.docker.DockerEngine;
import dev.berth.runner.event.LogLine;
import dev.berth.runner.event.RunnerEvent;
import dev.berth.runner.event.RunnerNotice;
import dev.berth.runner.session.LocalRunner;
import dev.berth.runner.session.RunOptions;
import dev.berth.templates.Scaffolder;
import dev.berth.templates.TemplateCatalog;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/// The gpu-inference template in real Docker on this GPU-less machine: with the engine as it is, Berth
/// starts the replica on CPU with a warning; with a stand-in NVIDIA runtime the container gets its GPU
/// environment but no driver, and the handler itself falls back to CPU and says why. Both answer a drawn
/// digit correctly and name the device.
@Tag("docker")
class GpuInferenceEndToEndIT {
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @TempDir Path dir;

    private JsonNode classify(String ingress, int digit) throws Exception {
        var response = http.send(HttpRequest.newBuilder(URI.create(ingress + "/api/classify?sample=" + digit + "&seed=1"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private List<RunnerEvent> run(ContainerEngine engine, String name) throws Exception {
        var project = new Scaffolder().scaffold(TemplateCatalog.builtIn().find("gpu-inference").orElseThrow(),
                dir.resolve(name), name);
        var events = Collections.synchronizedList(new ArrayList<RunnerEvent>());
        try (engine; var session = new LocalRunner(engine, Clock.systemUTC()).start(project, new RunOptions(0, false), events::add)) {
            for (int digit : new int[] {3, 7}) {
                var answer = classify(session.ingressUri().toString(), digit);
                assertThat(answer.path("predictions").get(0).path("digit").asInt()).isEqualTo(digit);
                assertThat(answer.path("device").asText()).isEqualTo("cpu");
                assertThat(answer.path("backend").asText()).isEqualTo("python");
            }
        }
        return events;
    }

    @Test
    void engineWithoutNvidiaRuntime_replicaStartsOnCpuWithAWarning_andAnswers() throws Exception {
        var events = run(new DockerEngine(), "infer-cpu");

        assertThat(events).anySatisfy(e -> {
            assertThat(e).isInstanceOf(RunnerNotice.class);
            var notice = (RunnerNotice) e;
            assertThat(notice.level()).isEqualTo(RunnerNotice.Level.WARNING);
            assertThat(notice.text()).contains("asks for a GPU (").contains("Consumption-GPU-NC8as-T4")
                    .contains("replicas run on CPU");
        });
    }

    @Test
    void gpuGivenButNoDriverInTheContainer_handlerFallsBackToCpuAndSaysWhy() throws Exception {
        var engine = new NvidiaStandInEngine(new DockerEngine());
        var events = run(engine, "infer-standin");

        assertThat(engine.requested()).isNotEmpty();
        assertThat(events).anySatisfy(e -> assertThat(e instanceof LogLine line && line.text().contains("libcuda.so.1"))
                .as("the handler's reason for CPU").isTrue());
    }
}
