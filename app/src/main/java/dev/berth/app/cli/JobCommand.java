package dev.berth.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;

/// `berth job start|list|logs <dir> …`: the running project's Container Apps jobs from a shell, through the
/// session's jobs API (`/admin/berth/jobs`). Each subcommand runs on picocli's thread.
@Command(name = "job", mixinStandardHelpOptions = true,
        description = "Start the running project's jobs (jobs/*.yaml), list them and their executions, show logs.",
        subcommands = {JobCommand.Start.class, JobCommand.ListJobs.class, JobCommand.Logs.class})
final class JobCommand {
    private JobCommand() {}

    @Command(name = "start", mixinStandardHelpOptions = true, description = "Start an execution of a job.")
    static final class Start extends JobCall {
        @Parameters(index = "1", paramLabel = "JOB", description = "Job name.") String job;
        @Option(names = "--wait", description = "Wait until the execution ends, print its attempts; exit 1 unless it succeeded.")
        boolean wait;
        @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "600",
                description = "With --wait, give up after SECONDS (default: ${DEFAULT-VALUE}).") int timeout;

        @Override
        int run(PrintWriter out) throws IOException, InterruptedException {
            var reply = send("POST", "/" + encode(job) + "/start");
            if (!reply.ok()) return refused(reply);
            var name = reply.json().path("name").asText();
            out.println("Started " + job + " as execution " + name + ".");
            if (!wait) {
                out.println("Follow it: berth job logs " + dir + " " + job + " " + name);
                return 0;
            }
            out.flush();
            var deadline = Instant.now().plusSeconds(timeout);
            while (Instant.now().isBefore(deadline)) {
                var status = send("GET", "/" + encode(job) + "/executions/" + encode(name));
                if (!status.ok()) return refused(status);
                var execution = status.json();
                if (!execution.path("status").asText().equals("Running")) {
                    JobPrinter.execution(out, execution, true);
                    return execution.path("status").asText().equals("Succeeded") ? 0 : FAILED;
                }
                Thread.sleep(Duration.ofMillis(250));
            }
            return fail(FAILED, name + " still runs after " + timeout + " s. Follow it: berth job logs " + dir + " "
                    + job + " " + name);
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "The project's jobs; with JOB, its executions, newest first.")
    static final class ListJobs extends JobCall {
        @Parameters(index = "1", arity = "0..1", paramLabel = "JOB", description = "Job name.") String job;
        @Option(names = "--last", paramLabel = "N", defaultValue = "20",
                description = "At most N executions (default: ${DEFAULT-VALUE}).") int last;
        @Option(names = "--json", description = "Print the API's JSON.") boolean json;

        @Override
        int run(PrintWriter out) throws IOException, InterruptedException {
            var reply = job == null ? send("GET", "") : send("GET", "/" + encode(job) + "/executions?last=" + last);
            if (!reply.ok()) return refused(reply);
            if (json) {
                out.println(reply.body());
            } else if (job == null) {
                JobPrinter.jobs(out, reply.json(), dir);
            } else if (reply.json().isEmpty()) {
                out.println("No executions of " + job + " yet. Start one: berth job start " + dir + " " + job);
            } else {
                reply.json().forEach(e -> JobPrinter.execution(out, e, false));
            }
            return 0;
        }
    }

    @Command(name = "logs", mixinStandardHelpOptions = true,
            description = "An execution's attempts and their last log lines (default: the newest execution).")
    static final class Logs extends JobCall {
        @Parameters(index = "1", paramLabel = "JOB", description = "Job name.") String job;
        @Parameters(index = "2", arity = "0..1", paramLabel = "EXECUTION", description = "Execution name.") String execution;
        @Option(names = "--json", description = "Print the API's JSON.") boolean json;

        @Override
        int run(PrintWriter out) throws IOException, InterruptedException {
            var name = execution;
            if (name == null) {
                var latest = send("GET", "/" + encode(job) + "/executions?last=1");
                if (!latest.ok()) return refused(latest);
                JsonNode list = latest.json();
                if (list.isEmpty()) return fail(FAILED, "No executions of " + job + " yet. Start one: berth job start "
                        + dir + " " + job);
                name = list.get(0).path("name").asText();
            }
            var reply = send("GET", "/" + encode(job) + "/executions/" + encode(name));
            if (!reply.ok()) return refused(reply);
            if (json) out.println(reply.body());
            else JobPrinter.execution(out, reply.json(), true);
            return 0;
        }
    }
}
