package dev.berth.runner.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.berth.runner.eventgrid.MutableClock;
import dev.berth.runner.project.JobSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class JobHttpApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir Path dir;
    private final MutableClock clock = new MutableClock();
    private final FakeJobEngine engine = new FakeJobEngine();
    private final HttpClient http = HttpClient.newHttpClient();
    private JobStore store;
    private JobRunner runner;
    private HttpServer server;

    @BeforeEach void serve() throws Exception {
        store = JobStore.open(dir.resolve("berth.db"));
        var job = new JobSpec("batch", Path.of("jobs/batch.yaml"), JobSpec.Trigger.MANUAL, Duration.ofSeconds(5), 0, 1, 1,
                Optional.empty(), Optional.empty(), new JobSpec.Container(Optional.empty(), List.of(), List.of(), Map.of(),
                0.5, 1L << 30));
        runner = new JobRunner(new JobRunner.Settings(List.of(job), engine, store, clock,
                new JobLaunch("berth/app:latest", Map.of(), Map.of()), e -> { }, q -> 0));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(JobHttpApi.PREFIX, new JobHttpApi(runner, clock, JSON)::handle);
        server.start();
    }

    @AfterEach void stop() {
        server.stop(0);
        http.close();
        store.close();
    }

    private HttpResponse<String> call(String method, String path) throws Exception {
        var uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + JobHttpApi.PREFIX + path);
        return http.send(HttpRequest.newBuilder(uri).method(method, HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode json(String method, String path, int status) throws Exception {
        var response = call(method, path);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return JSON.readTree(response.body());
    }

    @Test void startThenQuery_executionWithAttemptsExitCodesAndLogs() throws Exception {
        var started = json("POST", "/batch/start", 202);
        var name = started.path("name").asText();
        assertThat(started.path("status").asText()).isEqualTo("Running");
        runner.tick();
        engine.exit(engine.box(0), 0, "all done");
        clock.advance(Duration.ofSeconds(2));
        runner.tick();

        var list = json("GET", "/batch/executions?last=5", 200);
        assertThat(list).hasSize(1);
        assertThat(list.get(0).path("status").asText()).isEqualTo("Succeeded");
        assertThat(list.get(0).path("durationMs").asLong()).isEqualTo(2000);
        var one = json("GET", "/batch/executions/" + name, 200);
        var attempt = one.path("attempts").get(0);
        assertThat(attempt.path("exitCode").asInt()).isZero();
        assertThat(attempt.path("status").asText()).isEqualTo("Succeeded");
        assertThat(attempt.path("logs").get(1).asText()).isEqualTo("all done");
        var jobs = json("GET", "", 200);
        assertThat(jobs.get(0).path("triggerType").asText()).isEqualTo("Manual");
        assertThat(jobs.get(0).path("lastExecution").path("name").asText()).isEqualTo(name);
    }

    @Test void unknownJobOrExecution_404NamingWhatExists() throws Exception {
        var job = call("POST", "/nope/start");
        assertThat(job.statusCode()).isEqualTo(404);
        assertThat(job.body()).isEqualTo("No job 'nope'. This project has: batch.");
        var execution = call("GET", "/batch/executions/batch-zzz");
        assertThat(execution.statusCode()).isEqualTo(404);
        assertThat(execution.body()).startsWith("No execution 'batch-zzz' of job batch.");
        assertThat(call("DELETE", "/batch").statusCode()).isEqualTo(405);
    }

    @Test void status_constants_spelledAsContainerApps() {
        assertThat(JobHttpApi.status("TIMED_OUT")).isEqualTo("TimedOut");
        assertThat(JobHttpApi.status("SUCCEEDED")).isEqualTo("Succeeded");
    }
}
