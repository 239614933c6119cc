package dev.berth.runner.docker;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;

/// Follows the output of one `docker build`: forwards each line, remembers the last ~20 lines and the
/// step being run, so a failure can say which step failed and show what it printed. Confined to the
/// build's callback thread, then read once by the caller after the build ended.
final class BuildOutput {
    static final int KEPT_LINES = 20;

    private final Consumer<String> progress;
    private final Deque<String> last = new ArrayDeque<>();
    private String step = "";
    private String error = "";

    BuildOutput(Consumer<String> progress) { this.progress = progress; }

    /// A `stream` chunk of the build output (may hold several lines, or none).
    void stream(String chunk) {
        for (var line : LineSplitter.lines(chunk)) {
            if (line.isBlank()) continue;
            if (line.startsWith("Step ") && line.contains(" : ")) step = line;
            keep(line);
            progress.accept(line);
        }
    }

    /// The error Docker reported (the `error` / `errorDetail.message` field).
    void error(String message) {
        error = LineSplitter.clean(message == null ? "" : message);
        keep("ERROR: " + error);
        progress.accept("ERROR: " + error);
    }

    boolean failed() { return !error.isEmpty(); }

    String step() { return step; }

    String error() { return error; }

    /// "Building <tag> (<Dockerfile>) failed at Step 3/5 : RUN false: <error>", then the last lines.
    String failureMessage(String tag, Path dockerfile, String fallbackError) {
        var why = error.isEmpty() ? fallbackError : error;
        var message = new StringBuilder("Building image ").append(tag).append(" from ").append(dockerfile)
                .append(" failed");
        if (!step.isEmpty()) message.append(" at ").append(step);
        message.append(": ").append(why).append('\n');
        message.append(hint(why));
        message.append("Last lines of the build log:\n");
        last.forEach(line -> message.append("  ").append(line).append('\n'));
        return message.toString().stripTrailing();
    }

    private static String hint(String error) {
        var lower = error.toLowerCase(java.util.Locale.ROOT);
        if (lower.contains("pull access denied") || lower.contains("no such image") || lower.contains("not found: manifest unknown")
                || (lower.contains("failed to resolve") || lower.contains("dial tcp") || lower.contains("lookup "))) {
            return "Fix: the FROM image is not on this machine and no registry answers; build the base image first "
                    + "(Berth does it for ARG BASE_IMAGE defaults) or make a registry reachable.\n";
        }
        if (lower.contains("returned a non-zero code")) {
            return "Fix: the command of that step failed; see its output below and correct the Dockerfile or the files it uses.\n";
        }
        return "";
    }

    private void keep(String line) {
        last.addLast(line);
        while (last.size() > KEPT_LINES) last.removeFirst();
    }
}
