package dev.berth.templates;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/// A scaffolded handler running as a real process on a free port, for tests. Not thread-safe.
final class HandlerProcess implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration START_DEADLINE = Duration.ofSeconds(30);
    private static final Duration POLL = Duration.ofMillis(20);

    private final Process process;
    private final Path log;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private HandlerProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /// Starts `command` in `workDir` with the port (and `env`) set, and waits until /healthz answers 200.
    static HandlerProcess start(List<String> command, Path workDir, Map<String, String> env) throws Exception {
        int port = freePort();
        var log = Files.createTempFile("handler-", ".log");
        var builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(env);
        builder.environment().put("FUNCTIONS_CUSTOMHANDLER_PORT", Integer.toString(port));
        var handler = new HandlerProcess(builder.start(), log, port);
        try {
            handler.awaitHealthy();
        } catch (Exception | AssertionError e) {
            handler.close();
            throw e;
        }
        return handler;
    }

    private void awaitHealthy() throws Exception {
        var deadline = Instant.now().plus(START_DEADLINE);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError("handler exited with " + process.exitValue() + " before it was healthy:\n"
                        + output());
            }
            try {
                if (get("/healthz").statusCode() == 200) return;
            } catch (IOException notYetListening) {
                Thread.sleep(POLL); // poll interval inside the deadline, not a wait for luck
            }
        }
        throw new AssertionError("handler not healthy within " + START_DEADLINE + ":\n" + output());
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /// POSTs an HTTP-trigger invocation payload as the Functions host (and Berth) sends it.
    JsonNode invoke(String function, int expectedStatus, String method, Map<String, String> params,
                    Map<String, String> query) throws Exception {
        var req = Map.of("Url", "http://localhost/api/" + function, "Method", method, "Query", query,
                "Headers", Map.of("Accept", List.of("text/plain")), "Params", params, "Body", "");
        return invoke(function, expectedStatus, Map.of("req", req), Map.of());
    }

    /// POSTs `{"Data": data, "Metadata": metadata + sys}` to `/<function>` and returns the parsed answer.
    JsonNode invoke(String function, int expectedStatus, Map<String, ?> data, Map<String, ?> metadata)
            throws Exception {
        var withSys = new java.util.LinkedHashMap<String, Object>(metadata);
        withSys.put("sys", Map.of("MethodName", function, "UtcNow", "2026-11-21T22:00:00Z",
                "RandGuid", "0f8fad5b-d9cb-469f-a165-70867728950e"));
        var response = post("/" + function, JSON.writeValueAsString(Map.of("Data", data, "Metadata", withSys)));
        if (response.statusCode() != expectedStatus) {
            throw new AssertionError("expected " + expectedStatus + " but got " + response.statusCode() + ": "
                    + response.body() + "\nhandler output:\n" + output());
        }
        return JSON.readTree(response.body());
    }

    String output() throws IOException { return Files.readString(log); }

    /// Waits until the handler's output contains `text`: the access line is written after the response.
    String awaitOutput(String text) throws Exception {
        var deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (!output().contains(text)) {
            if (Instant.now().isAfter(deadline)) throw new AssertionError("no '" + text + "' in:\n" + output());
            Thread.sleep(POLL);
        }
        return output();
    }

    /// Waits up to `timeout` for the handler to exit by itself; its exit code.
    int awaitExit(Duration timeout) throws Exception {
        if (!process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            throw new AssertionError("handler still running after " + timeout + ":\n" + output());
        }
        return process.exitValue();
    }

    private URI uri(String path) { return URI.create("http://127.0.0.1:" + port + path); }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) process.destroyForcibly().waitFor();
        Files.deleteIfExists(log);
    }
}
