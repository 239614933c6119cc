package dev.berth.app.cli;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.PrintWriter;
import java.nio.file.Path;

/// Prints the jobs API's JSON for people: one line per job or execution, attempts indented under their
/// execution with their log lines. Stateless.
final class JobPrinter {
    private JobPrinter() {}

    static void jobs(PrintWriter out, JsonNode jobs, Path dir) {
        if (jobs.isEmpty()) {
            out.println("The project has no jobs. Add jobs/<name>.yaml (Container Apps job YAML); `berth new --template "
                    + "batch-job` shows one.");
            return;
        }
        for (var job : jobs) {
            var how = switch (job.path("triggerType").asText()) {
                case "Schedule" -> "Schedule " + job.path("cronExpression").asText() + " (UTC)";
                case "Event" -> "Event on " + job.path("queues").asText() + " every " + job.path("pollingInterval").asInt() + " s";
                default -> "Manual";
            };
            var last = job.path("lastExecution");
            out.println(job.path("name").asText() + "  " + how + "  parallelism " + job.path("parallelism").asInt()
                    + ", completions " + job.path("replicaCompletionCount").asInt() + ", timeout "
                    + job.path("replicaTimeout").asInt() + " s, retries " + job.path("replicaRetryLimit").asInt()
                    + (last.isMissingNode() ? "  (never ran)" : "  last: " + last.path("name").asText() + " "
                    + last.path("status").asText()));
        }
        out.println("Start one: berth job start " + dir + " <job>");
    }

    /// One execution line; with `attempts`, each attempt and its log lines below it.
    static void execution(PrintWriter out, JsonNode e, boolean attempts) {
        out.println(e.path("name").asText() + "  " + e.path("status").asText() + "  " + e.path("trigger").asText()
                + "  started " + e.path("startTime").asText() + "  " + JobCall.duration(e.path("durationMs").asLong())
                + "  " + e.path("succeeded").asInt() + "/" + e.path("replicaCompletionCount").asInt() + " replicas"
                + "  (" + e.path("reason").asText() + ")");
        if (!attempts) return;
        for (var a : e.path("attempts")) {
            var exit = a.has("exitCode") ? "exit " + a.path("exitCode").asInt() : "no exit code";
            out.println("  replica " + a.path("replica").asInt() + " attempt " + a.path("attempt").asInt() + "  "
                    + a.path("status").asText() + "  " + exit + "  " + JobCall.duration(a.path("durationMs").asLong())
                    + "  (" + a.path("reason").asText() + ")");
            a.path("logs").forEach(line -> out.println("    | " + line.asText()));
        }
    }
}
