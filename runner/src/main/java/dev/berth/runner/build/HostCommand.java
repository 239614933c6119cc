package dev.berth.runner.build;

import org.apache.commons.exec.CommandLine;
import org.apache.commons.exec.DefaultExecutor;
import org.apache.commons.exec.ExecuteException;
import org.apache.commons.exec.ExecuteWatchdog;
import org.apache.commons.exec.LogOutputStream;
import org.apache.commons.exec.PumpStreamHandler;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/// Runs a host program (mvn, debootstrap, tar) through Commons Exec, streaming its output lines and
/// keeping the last ones for an error message. Thread-safe: each call has its own process and buffers;
/// the line consumer is called from the pump threads (stdout, stderr), one line at a time.
final class HostCommand {
    static final int KEPT_LINES = 20;

    /// Exit code and the last lines the program printed (stdout and stderr together).
    record Result(int exitCode, List<String> lastLines) {
        boolean ok() { return exitCode == 0; }
    }

    private HostCommand() {}

    static Result run(List<String> command, Path workDir, Map<String, String> extraEnv, Duration timeout,
                      Consumer<String> lines) throws IOException {
        var commandLine = new CommandLine(command.getFirst());
        command.subList(1, command.size()).forEach(arg -> commandLine.addArgument(arg, false));
        var kept = new ArrayDeque<String>();
        // One line splitter per pipe: the two pump threads must not share a buffer.
        var out = new LineStream(lines, kept);
        var err = new LineStream(lines, kept);
        var watchdog = ExecuteWatchdog.builder().setTimeout(timeout).get();
        DefaultExecutor executor = DefaultExecutor.builder().setWorkingDirectory(workDir).get();
        executor.setStreamHandler(new PumpStreamHandler(out, err));
        executor.setWatchdog(watchdog);
        executor.setExitValues(null);
        var env = new HashMap<>(System.getenv());
        env.putAll(extraEnv);
        int exit;
        try {
            exit = executor.execute(commandLine, env);
        } catch (ExecuteException e) {
            exit = e.getExitValue();
        } finally {
            out.close();
            err.close();
        }
        if (watchdog.killedProcess()) {
            synchronized (kept) { kept.addLast("(stopped after " + timeout.toMinutes() + " minutes)"); }
            exit = exit == 0 ? -1 : exit;
        }
        synchronized (kept) { return new Result(exit, List.copyOf(kept)); }
    }

    /// The first executable called `name` on PATH.
    static Optional<Path> onPath(String name) {
        var path = System.getenv("PATH");
        if (path == null) return Optional.empty();
        for (var dir : path.split(File.pathSeparator)) {
            if (dir.isBlank()) continue;
            var candidate = Path.of(dir, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) return Optional.of(candidate);
        }
        return Optional.empty();
    }

    /// Commons Exec's line splitter, forwarding each line and keeping the last ones.
    private static final class LineStream extends LogOutputStream {
        private final Consumer<String> lines;
        private final Deque<String> kept;

        LineStream(Consumer<String> lines, Deque<String> kept) {
            super(1, java.nio.charset.StandardCharsets.UTF_8);
            this.lines = lines;
            this.kept = kept;
        }

        @Override protected void processLine(String line, int level) {
            var clean = line.replaceAll("\u001B\\[[0-?]*[ -/]*[@-~]", "").stripTrailing();
            // Shared by the stdout and stderr streams: one line at a time reaches the consumer.
            synchronized (kept) {
                kept.addLast(clean);
                while (kept.size() > KEPT_LINES) kept.removeFirst();
                lines.accept(clean);
            }
        }
    }
}
