package dev.berth.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.runner.revision.RevisionAdminApi;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/// `berth revision list|activate|deactivate|restart <dir> …`: the running session's revisions, through its
/// admin API (`/admin/berth/revisions`). Runs on picocli's thread.
@Command(name = "revision", mixinStandardHelpOptions = true,
        description = "List, activate, deactivate and restart the running project's revisions.",
        subcommands = {RevisionCommand.ListRevisions.class, RevisionCommand.Activate.class,
                RevisionCommand.Deactivate.class, RevisionCommand.Restart.class})
final class RevisionCommand {
    private RevisionCommand() {}

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Revisions, oldest first.")
    static final class ListRevisions extends RevisionCall {
        @Option(names = "--json", description = "Print the API's JSON.") boolean json;

        @Override
        int run(Api api, PrintWriter out) throws IOException, InterruptedException {
            var list = api.get(RevisionAdminApi.REVISIONS);
            if (json) out.println(list.toPrettyString());
            else print(list, out);
            return 0;
        }
    }

    static void print(JsonNode list, PrintWriter out) {
        out.printf("%-32s %-12s %-6s %6s %-9s %s%n", "REVISION", "STATE", "ACTIVE", "WEIGHT", "REPLICAS", "LABELS");
        for (var r : list) {
            out.printf("%-32s %-12s %-6s %5d%% %-9s %s%n", r.path("name").asText() + (r.path("latest").asBoolean() ? " *" : ""),
                    r.path("state").asText(), r.path("active").asBoolean() ? "yes" : "no", r.path("weight").asInt(),
                    r.path("readyReplicas").asInt() + "/" + r.path("replicas").asInt(), String.join(",",
                            r.path("labels").valueStream().map(JsonNode::asText).toList()));
        }
    }

    /// `POST /admin/berth/revisions/{name}/{action}` and the list after it.
    abstract static class Action extends RevisionCall {
        @Parameters(index = "1", paramLabel = "REVISION", description = "Revision name or its suffix.") String revision;

        abstract String action();

        @Override
        int run(Api api, PrintWriter out) throws IOException, InterruptedException {
            var list = api.post(RevisionAdminApi.REVISIONS + "/" + URLEncoder.encode(revision, StandardCharsets.UTF_8)
                    + "/" + action(), null);
            print(list, out);
            return 0;
        }
    }

    @Command(name = "activate", mixinStandardHelpOptions = true, description = "Start an inactive revision (no traffic yet).")
    static final class Activate extends Action {
        @Override String action() { return "activate"; }
    }

    @Command(name = "deactivate", mixinStandardHelpOptions = true, description = "Drain and stop a revision without traffic.")
    static final class Deactivate extends Action {
        @Override String action() { return "deactivate"; }
    }

    @Command(name = "restart", mixinStandardHelpOptions = true, description = "Replace a revision's replicas with fresh ones.")
    static final class Restart extends Action {
        @Override String action() { return "restart"; }
    }
}
