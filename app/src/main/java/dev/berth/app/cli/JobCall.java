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
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/// What every `berth job` subcommand shares: the project folder, finding its running session
/// (`.berth/run.json` or `--port`), calls to the session's jobs API (`/admin/berth/jobs`) and exit codes —
/// 0 done, 1 refused or failed (no such job, a failed execution with --wait), 2 no running session.
/// Errors go to standard error with their fix. Runs on picocli's thread.
abstract class JobCall implements Callable<Integer> {
    static final int FAILED = 1;
    static final int USAGE = 2;
    static final ObjectMapper JSON = new ObjectMapper();
    static final String API = "/admin/berth/jobs";

    @Spec CommandSpec spec;
    @Parameters(index = "0", paramLabel = "DIR", description = "Project folder (with host.json).") Path dir;
    @Option(names = "--port", paramLabel = "PORT",
            description = "Ingress port of the session (default: found in DIR/.berth/run.json).")
    Integer port;

    private URI ingress;
    private HttpClient http;

    /// One answer of the jobs API.
    record Reply(int status, String body) {
        boolean ok() { return status >= 200 && status < 300; }

        JsonNode json() throws IOException { return JSON.readTree(body); }
    }

    abstract int run(PrintWriter out) throws IOException, InterruptedException;

    @Override
    public final Integer call() throws InterruptedException {
        var found = SessionAddress.of(dir, port);
        if (found.isEmpty()) return fail(USAGE, SessionAddress.notRunning(dir, "its jobs"));
        ingress = found.get();
        var out = spec.commandLine().getOut();
        try (var client = HttpClient.newHttpClient()) {
            http = client;
            int code = run(out);
            out.flush();
            return code;
        } catch (ConnectException e) {
            return fail(USAGE, "Nothing answers at " + ingress + ". Fix: start the project with `berth run " + dir
                    + "`; if it runs on another port, pass --port.");
        } catch (IOException e) {
            return fail(FAILED, "The call to the session at " + ingress + " failed: " + e.getMessage());
        }
    }

    /// `method` on the jobs API path `path` ("" for the list, else "/{job}/…").
    Reply send(String method, String path) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create(ingress + API + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).build();
        var response = http.send(request, HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.body());
    }

    /// Prints the API's refusal and answers 1.
    int refused(Reply reply) {
        return fail(FAILED, reply.body().isBlank() ? "HTTP " + reply.status() : reply.body().strip());
    }

    int fail(int code, String message) {
        var err = spec.commandLine().getErr();
        err.println(message);
        err.flush();
        return code;
    }

    static String encode(String text) { return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20"); }

    /// `1.2 s`, `75 ms`.
    static String duration(long millis) {
        return millis < 1000 ? millis + " ms" : String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
