package dev.berth.app.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;

/// The `berth durable` subcommands that change an instance: raise, terminate, suspend, resume, rewind and
/// purge. The session accepts a change (202) and applies it as the orchestration runs, so they say what
/// was sent, not what happened; `status` shows that. Each runs on picocli's thread.
final class DurableChangeCommands {
    private DurableChangeCommands() {}

    @Command(name = "raise", mixinStandardHelpOptions = true,
            description = "Send an external event to an instance (one waiting with waitForExternalEvent).")
    static final class Raise extends DurableCall {
        @Parameters(index = "1", paramLabel = "ID", description = "Instance id.") String id;
        @Parameters(index = "2", paramLabel = "EVENT", description = "Event name.") String event;
        @Option(names = "--data", paramLabel = "JSON", description = "Event data: JSON, @file, or - for stdin (default: null).")
        String data;

        @Override
        int run(DurableApiClient api, PrintWriter out) throws IOException, InterruptedException, Usage {
            var body = jsonArgument("--data", data);
            var reply = api.send("POST", DurableApiClient.instance(id) + "/raiseEvent/" + DurableCommand.encode(event),
                    body == null ? "" : body);
            if (reply.status() != 202) return refused(reply);
            out.println("Raised event '" + event + "' on instance " + id + ".");
            return 0;
        }
    }

    /// terminate, suspend, resume and rewind: a POST to `instances/{id}/{operation}?reason=`.
    abstract static class Operation extends DurableCall {
        @Parameters(index = "1", paramLabel = "ID", description = "Instance id.") String id;
        @Option(names = "--reason", paramLabel = "TEXT", description = "Why; kept in the instance's history.") String reason;

        abstract String operation();

        @Override
        int run(DurableApiClient api, PrintWriter out) throws IOException, InterruptedException {
            var query = reason == null ? "" : "?reason=" + DurableCommand.encode(reason);
            var reply = api.send("POST", DurableApiClient.instance(id) + "/" + operation() + query, "");
            if (reply.status() != 202) return refused(reply);
            out.println("Sent " + operation() + " to instance " + id + ".");
            return 0;
        }
    }

    @Command(name = "terminate", mixinStandardHelpOptions = true,
            description = "Stop an instance for good; the reason becomes its output.")
    static final class Terminate extends Operation {
        String operation() { return "terminate"; }
    }

    @Command(name = "suspend", mixinStandardHelpOptions = true, description = "Pause an instance until resumed.")
    static final class Suspend extends Operation {
        String operation() { return "suspend"; }
    }

    @Command(name = "resume", mixinStandardHelpOptions = true, description = "Continue a suspended instance.")
    static final class Resume extends Operation {
        String operation() { return "resume"; }
    }

    @Command(name = "rewind", mixinStandardHelpOptions = true,
            description = "Re-run the failed steps of a Failed instance from its last good state.")
    static final class Rewind extends Operation {
        String operation() { return "rewind"; }
    }

    @Command(name = "purge", mixinStandardHelpOptions = true,
            description = "Delete a finished instance and its history, or every finished one with --all-finished.")
    static final class Purge extends DurableCall {
        /// The filter purge of Azure's API needs a lower bound; this one takes everything.
        static final String EPOCH = "1970-01-01T00:00:00Z";

        @Parameters(index = "1", arity = "0..1", paramLabel = "ID", description = "Instance id.") String id;
        @Option(names = "--all-finished", description = "Every finished instance (Completed, Failed, Terminated, Canceled).")
        boolean allFinished;
        @Option(names = "--status", paramLabel = "STATUSES", split = ",",
                description = "With --all-finished: only these, e.g. Completed,Terminated.") List<String> statuses = List.of();

        @Override
        int run(DurableApiClient api, PrintWriter out) throws IOException, InterruptedException, Usage {
            if ((id == null) == !allFinished) {
                throw new Usage("Name one instance or pass --all-finished, not " + (allFinished ? "both" : "neither")
                        + ". Fix: berth durable purge " + dir + " <id>, or berth durable purge " + dir + " --all-finished.");
            }
            if (!statuses.isEmpty() && !allFinished) throw new Usage("--status goes with --all-finished.");
            return allFinished ? purgeFinished(api, out) : purgeOne(api, out);
        }

        private int purgeOne(DurableApiClient api, PrintWriter out) throws IOException, InterruptedException {
            var reply = api.send("DELETE", DurableApiClient.instance(id), null);
            if (reply.status() != 200) return refused(reply);
            out.println("Purged instance " + id + " and its history.");
            return 0;
        }

        private int purgeFinished(DurableApiClient api, PrintWriter out) throws IOException, InterruptedException, Usage {
            var query = "instances?createdTimeFrom=" + EPOCH
                    + (statuses.isEmpty() ? "" : "&runtimeStatus=" + statusList(statuses, "Completed,Terminated"));
            var reply = api.send("DELETE", query, null);
            if (reply.status() == 404 && reply.fromApi()) {
                out.println("No finished instances to purge.");
                return 0;
            }
            if (reply.status() != 200) return refused(reply);
            int deleted = reply.json().path("instancesDeleted").asInt();
            out.println("Purged " + deleted + " finished instance" + (deleted == 1 ? "" : "s") + ".");
            return 0;
        }
    }
}
