package dev.berth.installers;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.spi.ToolProvider;

/// Runs the JDK's own tools (jdeps, jlink, jpackage) in this JVM, so the build needs no shell and no PATH.
/// Single-threaded: the packager calls one tool at a time.
final class Tools {
    private Tools() {}

    /// Runs `tool` with `args`, echoes what it printed, and returns its standard output.
    /// A non-zero exit fails the build with the full command line, so the step can be rerun by hand.
    static String run(String tool, List<String> args) {
        var provider = ToolProvider.findFirst(tool).orElseThrow(() -> new IllegalStateException(
                tool + " is not in this JDK (" + System.getProperty("java.home") + "); run Maven with a full JDK 25, "
                        + "e.g. JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64"));
        var out = new StringWriter();
        var err = new StringWriter();
        var line = tool + " " + String.join(" ", args);
        System.out.println("installers: " + (line.length() > 400 ? line.substring(0, 400) + " …" : line));
        int code = provider.run(new PrintWriter(out, true), new PrintWriter(err, true), args.toArray(String[]::new));
        if (!err.toString().isBlank()) System.err.print(err);
        if (code != 0) {
            throw new IllegalStateException(tool + " failed with exit code " + code + ":\n" + out + err + "command: " + line);
        }
        return out.toString();
    }
}
