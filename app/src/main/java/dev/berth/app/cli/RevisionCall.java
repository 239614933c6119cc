package dev.berth.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/// What the `berth revision …` and `berth traffic …` subcommands share: the project folder, finding its
/// running session (DIR/.berth/run.json or --port), and calls to the session's revision admin API.
/// Runs on picocli's thread.
abstract class RevisionCall implements Callable<Integer> {
    static final ObjectMapper JSON = new ObjectMapper();

    @Spec CommandSpec spec;
    @Parameters(index = "0", paramLabel = "DIR", description = "Project folder of the running session.") Path dir;
    @Option(names = "--port", description = "Ingress port of the session (default: found in DIR/.berth/run.json).")
    Integer port;

    /// Runs the command against the session's ingress; returns the exit code.
    abstract int run(Api api, PrintWriter out) throws IOException, InterruptedException;

    @Override
    public Integer call() throws InterruptedException {
        var err = spec.commandLine().getErr();
        var ingress = SessionAddress.of(dir, port);
        if (ingress.isEmpty()) {
            err.println(SessionAddress.notRunning(dir, "its revisions"));
            return 2;
        }
        try (var api = new Api(ingress.get())) {
            return run(api, spec.commandLine().getOut());
        } catch (ConnectException e) {
            err.println("Nothing answers at " + ingress.get() + ". Fix: start the project with `./berth run " + dir + "`.");
            return 2;
        } catch (ApiError e) {
            err.println(e.getMessage());
            return e.status >= 500 ? 1 : 2;
        } catch (IOException e) {
            err.println("The call to " + ingress.get() + " failed: " + e.getMessage());
            return 1;
        }
    }

    /// The API refused: its `error` text, which names the fix.
    static final class ApiError extends IOException {
        final int status;

        ApiError(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    /// The session's revision admin API. Close it.
    static final class Api implements AutoCloseable {
        private final URI ingress;
        private final HttpClient http = HttpClient.newHttpClient();

        Api(URI ingress) { this.ingress = ingress; }

        JsonNode get(String path) throws IOException, InterruptedException {
            return send(HttpRequest.newBuilder(URI.create(ingress + path)).GET());
        }

        JsonNode post(String path, JsonNode body) throws IOException, InterruptedException {
            return send(HttpRequest.newBuilder(URI.create(ingress + path)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body == null ? "" : body.toString())));
        }

        private JsonNode send(HttpRequest.Builder request) throws IOException, InterruptedException {
            var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body;
            try {
                body = JSON.readTree(response.body());
            } catch (IOException notJson) {
                throw new ApiError(response.statusCode(), "The session answered " + response.statusCode() + ": "
                        + response.body().strip() + " (is it a Berth version without revisions? restart `berth run`).");
            }
            if (response.statusCode() >= 300) throw new ApiError(response.statusCode(), body.path("error").asText(response.body()));
            return body;
        }

        @Override public void close() { http.close(); }
    }
}
