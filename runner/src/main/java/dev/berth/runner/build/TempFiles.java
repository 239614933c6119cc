package dev.berth.runner.build;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;

/// Deletes temporary trees (rootfs, build contexts). Stateless.
final class TempFiles {
    private static final Logger LOG = LoggerFactory.getLogger(TempFiles.class);

    private TempFiles() {}

    static void deleteQuietly(Path root) {
        if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) return;
        try (var paths = Files.walk(root)) {
            // Files.walk does not follow links, so a rootfs symlink to /usr never leads outside the tree.
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    LOG.debug("could not delete {}", path, e);
                }
            });
        } catch (IOException | java.io.UncheckedIOException e) {
            LOG.warn("could not delete temporary {}: {}", root, e.getMessage());
        }
    }
}
