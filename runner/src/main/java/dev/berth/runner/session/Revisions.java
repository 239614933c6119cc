package dev.berth.runner.session;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/// Names revisions as Container Apps does (`<app>--<suffix>`), with a suffix derived from the project's
/// files, so the same code and template give the same revision and any change gives a new one, on every
/// OS. Stateless.
final class Revisions {
    private static final Set<String> IGNORED = Set.of(".berth", ".git", "target", "node_modules", "__pycache__");

    private Revisions() {}

    /// Throws IOException (naming the file when one could not be read) when the project cannot be read.
    static String name(String app, Path projectDir) throws IOException {
        return app + "--" + contentHash(projectDir).substring(0, 7);
    }

    static String contentHash(Path projectDir) throws IOException {
        try (Stream<Path> files = Files.walk(projectDir)) {
            var digest = MessageDigest.getInstance("SHA-256");
            var sorted = files.filter(Files::isRegularFile)
                    .map(f -> relativeName(projectDir, f)).filter(name -> !ignored(name)).sorted().toList();
            for (var name : sorted) {
                var content = Files.readAllBytes(projectDir.resolve(name));
                // Name, a NUL (never in a path) and the length: 'ab' holding 'c' and 'a' holding 'bc' differ.
                digest.update(name.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(ByteBuffer.allocate(Long.BYTES).putLong(content.length).array());
                digest.update(content);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (UncheckedIOException e) { // Files.walk reports a folder it cannot list this way
            throw e.getCause();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /// `file`'s path below `dir` with '/' separators, whatever the OS uses.
    static String relativeName(Path dir, Path file) {
        return StreamSupport.stream(dir.relativize(file).spliterator(), false).map(Path::toString)
                .collect(Collectors.joining("/"));
    }

    private static boolean ignored(String relativeName) {
        for (var part : relativeName.split("/")) if (IGNORED.contains(part)) return true;
        return false;
    }
}
