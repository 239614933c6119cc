package dev.berth.runner.session;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;
import java.util.stream.Stream;

/// Names revisions as Container Apps does (`<app>--<suffix>`), with a suffix derived from the project's
/// files, so the same code and template give the same revision and any change gives a new one.
final class Revisions {
    private static final Set<String> IGNORED = Set.of(".berth", ".git", "target", "node_modules", "__pycache__");

    private Revisions() {}

    static String name(String app, Path projectDir) {
        return app + "--" + contentHash(projectDir).substring(0, 7);
    }

    static String contentHash(Path projectDir) {
        try (Stream<Path> files = Files.walk(projectDir)) {
            var digest = MessageDigest.getInstance("SHA-256");
            var sorted = files.filter(Files::isRegularFile)
                    .filter(f -> projectDir.relativize(f).toString().isEmpty() || !ignored(projectDir.relativize(f)))
                    .sorted().toList();
            for (var file : sorted) {
                digest.update(projectDir.relativize(file).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                digest.update(Files.readAllBytes(file));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + projectDir + " to name its revision", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean ignored(Path relative) {
        for (var part : relative) if (IGNORED.contains(part.toString())) return true;
        return false;
    }
}
