package dev.berth.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.runner.durable.RuntimeStatus;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/// What every `berth durable` subcommand shares: the project folder, finding its running session (`.berth/run.json`
/// or `--port`), the task hub, and exit codes — 0 done, 1 refused or not found (the API's 404, 405, 409, 410,
/// 5xx), 2 a usage problem (bad argument, malformed JSON, missing file, the API's 400, no running session).
/// Errors go to standard error as one message with its fix, never a stack trace. Runs on picocli's thread.
abstract class DurableCall implements Callable<Integer> {
    static final int REFUSED = 1;
    static final int USAGE = 2;
    static final ObjectMapper JSON = new ObjectMapper();

    @Spec CommandSpec spec;
    @Parameters(index = "0", paramLabel = "DIR", description = "Project folder (with host.json).") Path dir;
    @Option(names = "--port", paramLabel = "PORT",
            description = "Ingress port of the session (default: found in DIR/.berth/run.json).")
    Integer port;
    @Option(names = "--hub", paramLabel = "NAME", description = "Task hub (default: the project's, host.json hubName).")
    String hub;

    /// A problem with what the user typed; exits 2 with the message.
    static final class Usage extends Exception {
        Usage(String message) { super(message); }
    }

    /// The command's work against the session's API; answers the exit code.
    abstract int run(DurableApiClient api, PrintWriter out) throws IOException, InterruptedException, Usage;

    @Override
    public final Integer call() throws InterruptedException {
        var ingress = SessionAddress.of(dir, port);
        if (ingress.isEmpty()) return fail(USAGE, SessionAddress.notRunning(dir, "its orchestrations"));
        var out = spec.commandLine().getOut();
        try (var api = new DurableApiClient(ingress.get(), hub)) {
            int code = run(api, out);
            out.flush();
            return code;
        } catch (Usage e) {
            return fail(USAGE, e.getMessage());
        } catch (ConnectException e) {
            return fail(USAGE, "Nothing answers at " + ingress.get() + ". Fix: start the project with `berth run " + dir
                    + "`; if it runs on another port, pass --port.");
        } catch (IOException e) {
            return fail(REFUSED, "The call to the session at " + ingress.get() + " failed: " + e.getMessage());
        }
    }

    /// Prints the API's refusal and answers its exit code.
    int refused(DurableApiClient.Reply reply) {
        return fail(reply.status() == 400 ? USAGE : REFUSED, reply.message());
    }

    int fail(int code, String message) {
        var err = spec.commandLine().getErr();
        err.println(message);
        err.flush();
        return code;
    }

    /// A JSON option's text: itself, `@file` for a file's content, `-` for standard input; null when absent.
    /// Checked here, so a typo is reported before anything is sent.
    static String jsonArgument(String option, String argument) throws Usage {
        if (argument == null) return null;
        String text;
        try {
            text = new String(StorageCli.read(argument, System.in), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new Usage(option + ": " + e.getMessage());
        }
        try {
            JSON.readerFor(JsonNode.class).with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(text);
            if (text.isEmpty()) throw new Usage(option + " is empty. Fix: give a JSON value, or leave " + option + " out.");
            return text;
        } catch (JsonProcessingException e) {
            var at = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")";
            throw new Usage(option + " is not valid JSON: " + e.getOriginalMessage() + at + ". Fix: quote it for the "
                    + "shell, e.g. " + option + " '{\"city\":\"Tokyo\"}' or " + option + " '\"text\"', or pass @file.");
        }
    }

    /// `--status` values as the API names them; a misspelt one is a usage error before anything is sent.
    static String statusList(List<String> statuses, String example) throws Usage {
        try {
            return statuses.stream().map(s -> RuntimeStatus.parse(s.strip())).map(RuntimeStatus::azureName)
                    .collect(Collectors.joining(","));
        } catch (IllegalArgumentException e) {
            throw new Usage("--status: " + e.getMessage() + ", e.g. --status " + example + ".");
        }
    }
}
