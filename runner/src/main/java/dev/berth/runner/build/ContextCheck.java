package dev.berth.runner.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/// Warns when the build context would carry Berth's local state or secrets into Docker: the engine
/// sends everything not in `.dockerignore`, and `local.settings.json` holds secrets by design.
/// Stateless.
final class ContextCheck {
    static final List<String> PRIVATE = List.of(".berth", "local.settings.json");

    private ContextCheck() {}

    /// One warning per private path that exists in `projectDir` but is not listed in its `.dockerignore`.
    static List<String> warnings(Path projectDir) {
        var ignore = projectDir.resolve(".dockerignore");
        List<String> patterns;
        try {
            patterns = Files.isRegularFile(ignore) ? Files.readAllLines(ignore).stream().map(ContextCheck::normalise).toList()
                    : List.of();
        } catch (IOException e) {
            patterns = List.of();
        }
        var warnings = new ArrayList<String>();
        for (var name : PRIVATE) {
            if (Files.exists(projectDir.resolve(name)) && !patterns.contains(name)) {
                warnings.add("warning: " + name + " is sent to Docker with the build context (it holds local state "
                        + "or secrets); add the line `" + name + "` to " + ignore);
            }
        }
        return warnings;
    }

    private static String normalise(String line) {
        var l = line.strip();
        if (l.startsWith("./")) l = l.substring(2);
        if (l.startsWith("/")) l = l.substring(1);
        while (l.endsWith("/") || l.endsWith("/**") || l.endsWith("/*")) l = l.substring(0, l.lastIndexOf('/'));
        return l;
    }
}
