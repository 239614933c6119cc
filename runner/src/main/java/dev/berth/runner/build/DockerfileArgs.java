package dev.berth.runner.build;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/// Reads `ARG` defaults from a Dockerfile (only what the image builder needs: `ARG BASE_IMAGE=…`).
/// Stateless.
final class DockerfileArgs {
    static final String BASE_IMAGE = "BASE_IMAGE";
    private static final Pattern ARG = Pattern.compile("(?i)^\\s*ARG\\s+([A-Za-z_][A-Za-z0-9_]*)\\s*=\\s*(.*?)\\s*$");

    private DockerfileArgs() {}

    /// The default of `ARG <name>=<default>` (quotes removed), from the first such line; empty when the
    /// argument is absent or has no default. Continuation lines are joined first.
    static Optional<String> defaultOf(List<String> dockerfileLines, String name) {
        for (var line : joinContinuations(dockerfileLines)) {
            var m = ARG.matcher(line);
            if (m.matches() && m.group(1).equals(name)) {
                var value = unquote(m.group(2));
                return value.isEmpty() ? Optional.empty() : Optional.of(value);
            }
        }
        return Optional.empty();
    }

    private static List<String> joinContinuations(List<String> lines) {
        var joined = new java.util.ArrayList<String>();
        var current = new StringBuilder();
        for (var line : lines) {
            if (line.stripLeading().startsWith("#") && current.isEmpty()) continue;
            var stripped = line.stripTrailing();
            if (stripped.endsWith("\\")) {
                current.append(stripped, 0, stripped.length() - 1).append(' ');
            } else {
                joined.add(current.append(stripped).toString());
                current.setLength(0);
            }
        }
        if (!current.isEmpty()) joined.add(current.toString());
        return joined;
    }

    private static String unquote(String value) {
        var v = value.strip();
        int comment = v.indexOf(" #");
        if (comment >= 0) v = v.substring(0, comment).strip();
        if (v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
            v = v.substring(1, v.length() - 1);
        }
        return v;
    }
}
