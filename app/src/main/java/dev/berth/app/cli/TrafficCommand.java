package dev.berth.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.runner.revision.RevisionAdminApi;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;

/// `berth traffic show|set|swap|rollback <dir> …`: the running session's traffic split, through its admin
/// API (`/admin/berth/traffic`). Runs on picocli's thread.
@Command(name = "traffic", mixinStandardHelpOptions = true,
        description = "Show and change how the running project's requests split over its revisions.",
        subcommands = {TrafficCommand.Show.class, TrafficCommand.Set.class, TrafficCommand.Swap.class,
                TrafficCommand.Rollback.class})
final class TrafficCommand {
    private TrafficCommand() {}

    static void print(JsonNode traffic, PrintWriter out) {
        out.println("mode: " + traffic.path("mode").asText());
        out.printf("%-32s %6s %12s %9s  %s%n", "REVISION", "WEIGHT", "REQUESTS/MIN", "OBSERVED", "LABELS");
        for (var r : traffic.path("revisions")) {
            out.printf("%-32s %5d%% %12d %8.1f%%  %s%n", r.path("revision").asText(), r.path("weight").asInt(),
                    r.path("requestsLastMinute").asLong(), r.path("observedPercent").asDouble(),
                    String.join(",", r.path("labels").valueStream().map(JsonNode::asText).toList()));
        }
        traffic.path("labels").properties().forEach(e -> out.println("label " + e.getKey() + " → "
                + e.getValue().path("revision").asText() + "  " + e.getValue().path("url").asText()
                + "  (or header " + e.getValue().path("header").asText() + ")"));
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Weights beside the observed split of the last minute.")
    static final class Show extends RevisionCall {
        @Option(names = "--json", description = "Print the API's JSON.") boolean json;

        @Override
        int run(Api api, PrintWriter out) throws IOException, InterruptedException {
            var traffic = api.get(RevisionAdminApi.TRAFFIC);
            if (json) out.println(traffic.toPrettyString());
            else print(traffic, out);
            return 0;
        }
    }

    @Command(name = "set", mixinStandardHelpOptions = true,
            description = "Set weights, e.g. `set DIR latest=80 myapp--v1=20`; --label NAME=REVISION adds labels.")
    static final class Set extends RevisionCall {
        @Parameters(index = "1..*", paramLabel = "REVISION=WEIGHT", arity = "1..*",
                description = "Revision (name, suffix or latest) = percent; they sum to 100.") List<String> weights;
        @Option(names = "--label", paramLabel = "LABEL=REVISION", description = "Label a revision (replaces all labels).")
        List<String> labels;

        @Override
        int run(Api api, PrintWriter out) throws IOException, InterruptedException {
            var body = JSON.createObjectNode();
            var w = body.putObject("weights");
            for (var pair : weights) {
                var parts = split(pair);
                try {
                    w.put(parts[0], Integer.parseInt(parts[1]));
                } catch (NumberFormatException e) {
                    throw new ApiError(400, "\"" + parts[1] + "\" in " + pair + " is not a whole percent. Fix: write REVISION=80.");
                }
            }
            if (labels != null) {
                var l = body.putObject("labels");
                for (var pair : labels) l.put(split(pair)[0], split(pair)[1]);
            }
            print(api.post(RevisionAdminApi.TRAFFIC, body), out);
            return 0;
        }

        private static String[] split(String pair) throws ApiError {
            int eq = pair.indexOf('=');
            if (eq <= 0 || eq == pair.length() - 1) throw new ApiError(400, "\"" + pair + "\" is not NAME=VALUE. Fix: write e.g. latest=80.");
            return new String[] {pair.substring(0, eq), pair.substring(eq + 1)};
        }
    }

    @Command(name = "swap", mixinStandardHelpOptions = true, description = "Exchange the weights and labels of two revisions (blue/green).")
    static final class Swap extends RevisionCall {
        @Parameters(index = "1", paramLabel = "A") String a;
        @Parameters(index = "2", paramLabel = "B") String b;

        @Override
        int run(Api api, PrintWriter out) throws IOException, InterruptedException {
            print(api.post(RevisionAdminApi.TRAFFIC + "/swap", JSON.createObjectNode().put("a", a).put("b", b)), out);
            return 0;
        }
    }

    @Command(name = "rollback", mixinStandardHelpOptions = true, description = "All traffic back to the previous revision.")
    static final class Rollback extends RevisionCall {
        @Override
        int run(Api api, PrintWriter out) throws IOException, InterruptedException {
            print(api.post(RevisionAdminApi.TRAFFIC + "/rollback", null), out);
            return 0;
        }
    }
}
