package dev.berth.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/// `berth invoke <dir> <function> [--input …]`: runs one function of the project's running session
/// (`berth run` or the app) through its admin API, and prints the answer and the function's log lines.
@Command(name = "invoke", description = "Run a function once in the project's running session and print the result.")
final class InvokeCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec CommandSpec spec;
    @Parameters(index = "0", paramLabel = "DIR", description = "Project folder (with host.json).") Path dir;
    @Parameters(index = "1", paramLabel = "FUNCTION", description = "Function name.") String function;
    @Option(names = "--input", description = "The trigger's input: JSON, or plain text. For an HTTP function, "
            + "a string is the body, or an object with method, path, query, headers and body.")
    String input = "";
    @Option(names = "--port", description = "Ingress port of the session (default: found in DIR/.berth/run.json).")
    Integer port;

    @Override
    public Integer call() throws InterruptedException {
        var err = spec.commandLine().getErr();
        var ingress = SessionAddress.of(dir, port);
        if (ingress.isEmpty()) {
            err.println(SessionAddress.notRunning(dir, ""));
            return 2;
        }
        var target = URI.create(ingress.get() + "/admin/functions/" + URLEncoder.encode(function, StandardCharsets.UTF_8)
                + "?wait=true");
        try (var http = HttpClient.newHttpClient()) {
            var body = JSON.createObjectNode().set("input", inputNode());
            var response = http.send(HttpRequest.newBuilder(target).POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                    .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                err.println(response.body());
                return 2;
            }
            return print(JSON.readTree(response.body()));
        } catch (ConnectException e) {
            err.println("Nothing answers at " + ingress.get() + ". Fix: start the project with `./berth run " + dir + "`.");
            return 2;
        } catch (IOException e) {
            err.println("The call to " + target + " failed: " + e.getMessage());
            return 1;
        }
    }

    /// JSON when it parses as JSON, otherwise the text itself as a JSON string.
    private JsonNode inputNode() {
        try {
            var node = JSON.readTree(input);
            return node == null || node.isMissingNode() ? JSON.getNodeFactory().textNode(input) : node;
        } catch (JsonProcessingException notJson) {
            return JSON.getNodeFactory().textNode(input);
        }
    }

    private int print(JsonNode result) {
        var out = spec.commandLine().getOut();
        int status = result.path("status").asInt();
        out.println(function + " → " + status + " on " + result.path("replica").asText("?")
                + "  (invocation " + result.path("invocationId").asText() + ")");
        result.path("logs").forEach(line -> out.println("  log | " + line.asText()));
        if (!result.path("error").asText().isEmpty()) out.println("  error: " + result.path("error").asText());
        out.println(result.path("body").asText());
        out.flush();
        return status < 500 ? 0 : 1;
    }
}
