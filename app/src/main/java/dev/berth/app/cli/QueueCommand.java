package dev.berth.app.cli;

import dev.berth.runner.queue.QueueCounts;
import dev.berth.runner.queue.QueueLimits;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/// `berth queue list|put|peek|redrive <dir> …`: the project's embedded queues from a shell. Works on the
/// database directly, so it needs no running session; a running one sees a put within ~100 ms (its store
/// watches the database). Each subcommand runs on picocli's thread.
@Command(name = "queue", mixinStandardHelpOptions = true,
        description = "List, fill, peek and re-drive the project's embedded queues.",
        subcommands = {QueueCommand.ListQueues.class, QueueCommand.Put.class, QueueCommand.Peek.class,
                QueueCommand.Redrive.class})
final class QueueCommand {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Queues with visible, in-flight and poison message counts.")
    static final class ListQueues implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Parameters(index = "0", paramLabel = "DIR", description = "Project folder.") Path dir;

        @Override
        public Integer call() {
            return StorageCli.printing(spec, dir, (storage, out) -> {
                var counts = storage.queues().counts();
                if (counts.isEmpty()) {
                    out.println("No queues yet. Put a message with `berth queue put " + dir + " <queue> <message>`.");
                } else {
                    print(out, counts);
                }
            });
        }

        private static void print(java.io.PrintWriter out, List<QueueCounts> counts) {
            int width = Math.max(5, counts.stream().mapToInt(c -> c.queue().length()).max().orElse(0));
            var format = "%-" + width + "s  %8s  %9s  %6s%n";
            out.printf(format, "QUEUE", "VISIBLE", "IN-FLIGHT", "POISON");
            for (var c : counts) out.printf(format, c.queue(), c.visible(), c.invisible(), c.poison());
        }
    }

    @Command(name = "put", mixinStandardHelpOptions = true,
            description = "Put a message (the queue is created when missing); prints its id.")
    static final class Put implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Parameters(index = "0", paramLabel = "DIR", description = "Project folder.") Path dir;
        @Parameters(index = "1", paramLabel = "QUEUE", description = "Queue name, e.g. orders.") String queue;
        @Parameters(index = "2", paramLabel = "MESSAGE", description = "The text, @file for a file's content, - for stdin.")
        String message;
        @Option(names = "--ttl", paramLabel = "DURATION", description = "Time to live: 30s, 5m, 2h, 7d, PT1H, or -1 for never"
                + " (default 7d).") String ttl;
        @Option(names = "--delay", paramLabel = "DURATION", description = "Keep it invisible this long first (default 0).")
        String delay;
        private final InputStream stdin;

        Put() {
            this(System.in);
        }

        Put(InputStream stdin) {
            this.stdin = stdin;
        }

        @Override
        public Integer call() {
            return StorageCli.printing(spec, dir, (storage, out) -> {
                var timeToLive = ttl == null ? QueueLimits.DEFAULT_TTL : Durations.parse("--ttl", ttl);
                var visibility = delay == null ? Duration.ZERO : Durations.parse("--delay", delay);
                var text = new String(StorageCli.read(message, stdin), StandardCharsets.UTF_8);
                QueueLimits.checkName(queue); // before creating anything
                storage.queues().createIfNotExists(queue);
                var put = storage.queues().put(queue, text, visibility, timeToLive);
                out.println(put.id());
            });
        }
    }

    @Command(name = "peek", mixinStandardHelpOptions = true,
            description = "Show visible messages without dequeuing them.")
    static final class Peek implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Parameters(index = "0", paramLabel = "DIR", description = "Project folder.") Path dir;
        @Parameters(index = "1", paramLabel = "QUEUE", description = "Queue name.") String queue;
        @Option(names = {"-n", "--count"}, paramLabel = "N", defaultValue = "32",
                description = "How many, 1-32 (default: ${DEFAULT-VALUE}).") int count;

        @Override
        public Integer call() {
            return StorageCli.printing(spec, dir, (storage, out) -> {
                var messages = storage.queues().peek(queue, count);
                if (messages.isEmpty()) {
                    out.println("Queue '" + queue + "' has no visible messages.");
                } else {
                    int idWidth = messages.stream().mapToInt(m -> m.id().length()).max().orElse(2);
                    var format = "%-" + idWidth + "s  %7s  %-20s  %s%n";
                    out.printf(format, "ID", "DEQUEUE", "INSERTED", "TEXT");
                    for (var m : messages) {
                        out.printf(format, m.id(), m.dequeueCount(), TIME.format(m.insertionTime()),
                                StorageCli.shorten(m.text(), 60));
                    }
                }
            });
        }
    }

    @Command(name = "redrive", mixinStandardHelpOptions = true,
            description = "Move every message of <queue>-poison back to <queue>.")
    static final class Redrive implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Parameters(index = "0", paramLabel = "DIR", description = "Project folder.") Path dir;
        @Parameters(index = "1", paramLabel = "QUEUE", description = "The source queue (orders), or its poison queue.")
        String queue;

        @Override
        public Integer call() {
            return StorageCli.printing(spec, dir, (storage, out) -> {
                var poison = queue.endsWith(QueueLimits.POISON_SUFFIX) ? queue : QueueLimits.poisonName(queue);
                var source = poison.substring(0, poison.length() - QueueLimits.POISON_SUFFIX.length());
                if (!storage.queues().exists(poison)) {
                    out.println("Queue '" + source + "' has no poison queue: nothing to re-drive.");
                } else {
                    int moved = storage.queues().redrive(poison);
                    out.println("Moved " + moved + " message" + (moved == 1 ? "" : "s") + " from '" + poison
                            + "' back to '" + source + "'.");
                }
            });
        }
    }
}
