package dev.berth.app.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/// `berth` started as a separate JVM with the test classpath, its output collected line by line.
final class BerthProcess implements AutoCloseable {
    private final Process process;
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Object changed = new Object();
    private final Thread reader;

    private BerthProcess(Process process) {
        this.process = process;
        this.reader = Thread.ofVirtual().start(() -> {
            try (var reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = reader.readLine()) != null; ) {
                    lines.add(line);
                    synchronized (changed) { changed.notifyAll(); }
                }
            } catch (IOException ignored) {
                // the process ended; what it printed is in `lines`
            }
            synchronized (changed) { changed.notifyAll(); }
        });
    }

    static BerthProcess start(Path workDir, String... args) throws IOException {
        return start(workDir, Map.of(), false, args);
    }

    /// `env` is added to the environment. With `interruptible`, the JVM starts with SIGINT at its default
    /// disposition (through python3's exec), as from a terminal: a background job of a non-interactive
    /// shell, which is what test runners are, inherits SIGINT ignored and the JVM would keep ignoring it.
    static BerthProcess start(Path workDir, Map<String, String> env, boolean interruptible, String... args)
            throws IOException {
        var command = new ArrayList<String>();
        if (interruptible) {
            command.addAll(List.of("python3", "-c",
                    "import os,signal,sys; signal.signal(signal.SIGINT, signal.SIG_DFL); os.execvp(sys.argv[1], sys.argv[1:])"));
        }
        command.addAll(List.of(ProcessHandle.current().info().command().orElse("java"),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                "dev.berth.app.Main"));
        command.addAll(List.of(args));
        var builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
        builder.environment().putAll(env);
        return new BerthProcess(builder.start());
    }

    /// Waits until a line matches, or fails with everything printed so far.
    String awaitLine(Predicate<String> matches, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (changed) {
            while (true) {
                for (var line : lines) if (matches.test(line)) return line;
                long left = deadline - System.nanoTime();
                if (left <= 0 || (!process.isAlive() && lines.stream().noneMatch(matches))) {
                    for (var line : lines) if (matches.test(line)) return line;
                    throw new AssertionError("no matching line within " + timeout + "; output:\n" + String.join("\n", lines));
                }
                changed.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            }
        }
    }

    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("berth did not exit within " + timeout + "; output:\n" + output());
        }
        reader.join(Duration.ofSeconds(5)); // the pipe closes with the process; the last lines follow
        return process.exitValue();
    }

    /// SIGTERM, as a service manager or `kill` sends; the shutdown hook must clean up. Not
    /// `Process.destroy()`: it also closes our end of the pipes, and what berth prints while stopping is lost.
    void terminate() throws IOException, InterruptedException { signal("TERM"); }

    /// SIGKILL, as when the machine's OOM killer or a crash ends berth: nothing gets to clean up.
    void kill() throws IOException, InterruptedException { signal("KILL"); }

    /// SIGINT, what Ctrl-C in a terminal sends to the foreground process.
    void interrupt() throws IOException, InterruptedException { signal("INT"); }

    private void signal(String name) throws IOException, InterruptedException {
        var kill = new ProcessBuilder("kill", "-" + name, String.valueOf(process.pid())).inheritIO().start();
        if (kill.waitFor() != 0) throw new IOException("kill -" + name + " " + process.pid() + " failed");
    }

    String output() { return String.join("\n", lines); }

    @Override
    public void close() {
        if (process.isAlive()) process.destroyForcibly();
    }
}
