package dev.berth.runner.blob;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/// The blob contents on disk. Each blob *version* is its own file, `<container>/<sha256(name)>-<uuid>`:
/// hashing keeps `a` and `a/b` apart and keeps any name out of the path, and a new file per version
/// means a crash between rename and metadata commit leaves the old version intact (the new file is an
/// orphan that `sweep` removes at the next start). Thread-safe: every write goes to a fresh file.
final class BlobFiles {
    private static final String TMP = ".tmp";
    private final Path root;

    /// A fully written, fsynced version file not yet referenced by any metadata row.
    record Written(String file, long length, String md5) {}

    BlobFiles(Path root) throws IOException {
        this.root = root.toAbsolutePath();
        Files.createDirectories(this.root.resolve(TMP));
    }

    Path resolve(String file) {
        return root.resolve(file);
    }

    /// Streams `content` to a temp file, fsyncs it, then renames it into the container folder.
    Written write(String container, String name, InputStream content) throws IOException {
        Path tmp = root.resolve(TMP).resolve(UUID.randomUUID() + ".part");
        MessageDigest md5 = md5();
        long length = 0;
        try (var channel = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = content.read(buffer)) > 0; ) {
                md5.update(buffer, 0, n);
                var bytes = ByteBuffer.wrap(buffer, 0, n);
                while (bytes.hasRemaining()) channel.write(bytes);
                length += n;
            }
            channel.force(true);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        String file = container + "/" + versionFileName(name);
        Path target = root.resolve(file);
        try {
            Files.createDirectories(target.getParent());
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            fsyncDirectory(target.getParent());
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            Files.deleteIfExists(target);
            throw e;
        }
        return new Written(file, length, Base64.getEncoder().encodeToString(md5.digest()));
    }

    void delete(String file) throws IOException {
        Files.deleteIfExists(root.resolve(file));
    }

    void deleteContainer(String container) throws IOException {
        Path dir = root.resolve(container);
        if (!Files.isDirectory(dir)) return;
        try (Stream<Path> files = Files.list(dir)) {
            for (var file : files.toList()) Files.deleteIfExists(file);
        }
        Files.deleteIfExists(dir);
    }

    /// Removes temp files and version files that no metadata row references (left by a crash).
    int sweep(Set<String> referenced) throws IOException {
        int removed = 0;
        try (Stream<Path> dirs = Files.list(root)) {
            for (var dir : dirs.filter(Files::isDirectory).toList()) {
                try (Stream<Path> files = Files.list(dir)) {
                    for (var file : files.toList()) {
                        String relative = root.relativize(file).toString().replace('\\', '/');
                        if (!referenced.contains(relative) && Files.deleteIfExists(file)) removed++;
                    }
                }
            }
        }
        return removed;
    }

    private static String versionFileName(String name) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash) + "-" + UUID.randomUUID();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no MD5", e);
        }
    }

    /// Makes the rename itself durable; without it a power cut can forget the new directory entry.
    private static void fsyncDirectory(Path dir) throws IOException {
        try (var channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (UnsupportedOperationException e) {
            // Some file systems cannot sync directories; the rename is still atomic there.
        } catch (IOException e) {
            // Windows cannot open a directory as a channel; NTFS journals the rename itself.
            if (!System.getProperty("os.name", "").startsWith("Windows")) throw e;
        }
    }
}
