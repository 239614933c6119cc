package dev.berth.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.runner.durable.http.DurableHttpApi;
import dev.berth.runner.durable.http.ManagementUrls;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/// `berth durable list|status|start|raise|terminate|suspend|resume|rewind|purge <dir> …`: the project's
/// orchestrations from a shell, through the running session's Durable Functions HTTP management API
/// (`/runtime/webhooks/durabletask/`). Each subcommand runs on picocli's thread.
@Command(name = "durable", mixinStandardHelpOptions = true,
        description = "List, inspect, start and control the running project's durable orchestrations.",
        subcommands = {DurableCommand.ListInstances.class, DurableCommand.Status.class, DurableCommand.Start.class,
                DurableChangeCommands.Raise.class, DurableChangeCommands.Terminate.class,
                DurableChangeCommands.Suspend.class, DurableChangeCommands.Resume.class,
                DurableChangeCommands.Rewind.class, DurableChangeCommands.Purge.class})
final class DurableCommand {
    /// The most instances one page asks for; `--top` above it takes several pages.
    static final int PAGE = 100;

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Instances, newest first.")
    static final class ListInstances extends DurableCall {
        @Option(names = "--status", paramLabel = "STATUSES", split = ",",
                description = "Only these runtime statuses, e.g. Running,Failed.") List<String> statuses = List.of();
        @Option(names = "--prefix", paramLabel = "TEXT", description = "Only ids that start with TEXT.") String prefix;
        @Option(names = "--top", paramLabel = "N", defaultValue = "50",
                description = "At most N instances (default: ${DEFAULT-VALUE}).") int top;
        @Option(names = "--json", description = "Print the API's JSON array.") boolean json;

        @Override
        int run(DurableApiClient api, PrintWriter out) throws IOException, InterruptedException, Usage {
            if (top < 1) throw new Usage("--top must be 1 or more, not " + top + ".");
            var query = new StringBuilder("instances?showInput=" + json);
            if (!statuses.isEmpty()) query.append("&runtimeStatus=").append(statusList(statuses, "Running,Failed"));
            if (prefix != null && !prefix.isEmpty()) query.append("&instanceIdPrefix=").append(encode(prefix));
            var instances = new ArrayList<JsonNode>();
            String token = null;
            do {
                int want = Math.min(PAGE, top - instances.size());
                var page = query + "&top=" + want;
                var reply = token == null ? api.send("GET", page, null)
                        : api.send("GET", page, null, DurableHttpApi.CONTINUATION, token);
                if (!reply.ok()) return refused(reply);
                reply.json().forEach(instances::add);
                token = reply.headers().firstValue(DurableHttpApi.CONTINUATION).orElse(null);
            } while (token != null && instances.size() < top);
            print(out, instances, token != null);
            return 0;
        }

        private void print(PrintWriter out, List<JsonNode> instances, boolean more) {
            if (json) {
                out.println(JSON.valueToTree(instances).toString());
            } else if (instances.isEmpty()) {
                out.println("No orchestration instances" + (statuses.isEmpty() && prefix == null ? "" : " match")
                        + " in " + dir + ". Start one with `berth durable start " + dir + " <orchestration>`.");
            } else {
                DurablePrinter.instances(out, instances);
                if (more) out.println("(more instances match; raise --top or narrow with --status / --prefix)");
            }
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true, description = "One instance: status, input, output, history.")
    static final class Status extends DurableCall {
        @Parameters(index = "1", paramLabel = "ID", description = "Instance id.") String id;
        @Option(names = "--history", description = "Also its history events, with results.") boolean history;
        @Option(names = "--json", description = "Print the API's JSON.") boolean json;

        @Override
        int run(DurableApiClient api, PrintWriter out) throws IOException, InterruptedException {
            var query = history ? "?showHistory=true&showHistoryOutput=true" : "";
            var reply = api.send("GET", DurableApiClient.instance(id) + query, null);
            // 200 and 202 both carry the status: 202 only says it is not finished yet.
            if (reply.status() != 200 && reply.status() != 202) return refused(reply);
            if (json) out.println(reply.body());
            else DurablePrinter.status(out, reply.json());
            return 0;
        }
    }

    @Command(name = "start", mixinStandardHelpOptions = true, description = "Start a new orchestration instance.")
    static final class Start extends DurableCall {
        @Parameters(index = "1", paramLabel = "ORCHESTRATION", description = "Orchestrator function name.") String name;
        @Option(names = "--id", paramLabel = "ID", description = "Instance id (default: a new one).") String id;
        @Option(names = "--input", paramLabel = "JSON", description = "Input: JSON, @file, or - for stdin.") String input;
        @Option(names = "--json", description = "Print the API's management payload.") boolean json;

        @Override
        int run(DurableApiClient api, PrintWriter out) throws IOException, InterruptedException, Usage {
            var body = jsonArgument("--input", input);
            var path = "orchestrators/" + encode(name) + (id == null ? "" : "/" + encode(id));
            var reply = api.send("POST", path, body == null ? "" : body);
            if (reply.status() != 202) return refused(reply);
            if (json) {
                out.println(reply.body());
            } else {
                var payload = reply.json();
                var started = payload.path("id").asText();
                out.println("Started " + name + " as instance " + started + ".");
                out.println("Follow it: berth durable status " + dir + " " + started + " --history");
                out.println("Status URL: " + payload.path("statusQueryGetUri").asText());
            }
            return 0;
        }
    }

    static String encode(String text) {
        return ManagementUrls.encode(text);
    }
}
