package dev.berth.installers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/// Start-up help for the Linux package: an ahead-of-time cache (JEP 483/514) of the classes `berth`
/// loads and links. It cannot be made at build time: the JVM rejects a cache whose jars changed
/// timestamps, and jpackage's copy into the package does change them. So the .deb's postinst makes it
/// on the installing machine with one training run (`berth templates`: picocli's model of every command,
/// Jackson, the templates), and the launcher's config names it. A missing or stale cache only means a
/// slower start: the JVM's AOT messages are switched off so the CLI's output stays clean.
/// Stateless; any thread.
final class AotCache {
    static final String FILE = Packager.NAME + ".aot";

    private AotCache() {}

    /// Adds the cache options to the image's launcher config ([JavaOptions]; the launcher expands $APPDIR).
    static void nameInConfig(Path cfg) {
        try {
            var lines = new ArrayList<>(Files.readAllLines(cfg));
            int section = lines.indexOf("[JavaOptions]");
            if (section < 0) throw new IllegalStateException("no [JavaOptions] section in " + cfg);
            lines.addAll(section + 1, List.of("java-options=-XX:AOTCache=$APPDIR/" + FILE, "java-options=-Xlog:aot=off"));
            Files.write(cfg, lines);
        } catch (IOException e) {
            throw new UncheckedIOException("adding the AOT cache to " + cfg, e);
        }
    }

    /// The shell command that trains the cache in the installed app folder. It runs the runtime's java
    /// directly with the launcher's class path (same order, as the cache requires) and options, because
    /// the launcher's own -XX:AOTCache cannot be combined with -XX:AOTCacheOutput.
    static String trainingCommand(Path cfg, String installedAppDir, String installedRuntime) {
        try {
            var classPath = Files.readAllLines(cfg).stream().filter(l -> l.startsWith("app.classpath="))
                    .map(l -> l.substring("app.classpath=".length()).replace("$APPDIR", installedAppDir)).toList();
            var command = new ArrayList<>(List.of(installedRuntime + "/bin/java",
                    "-XX:AOTCacheOutput=" + installedAppDir + "/" + FILE));
            command.addAll(Packager.JAVA_OPTIONS);
            command.addAll(List.of("-cp", String.join(":", classPath), Packager.MAIN_CLASS, "templates"));
            return String.join(" ", command.stream().map(a -> "'" + a + "'").toList());
        } catch (IOException e) {
            throw new UncheckedIOException("reading the class path from " + cfg, e);
        }
    }
}
