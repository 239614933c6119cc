package dev.berth.runner.project;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.function.Function;

/// Reads and writes a file of secret keys (function keys, Event Grid topic keys). Writes it once: readable by its owner only,
/// and published complete, so a reader never sees half a file and two Berth processes starting at once
/// agree on one set of keys. Stateless, thread-safe.
public final class KeyFile {
    private static final ObjectMapper JSON = new ObjectMapper();

    private KeyFile() {}

    /// Writes `keys` as a JSON object to `file` unless `file` exists (then the keys already there win).
    /// The temp file it writes first is named after `tempPrefix`, in `file`'s folder.
    public static void createIfAbsent(Path file, String tempPrefix, Map<String, String> keys) throws IOException {
        var temp = Files.createTempFile(file.getParent(), tempPrefix, ".tmp");
        try {
            restrictToOwner(temp);
            Files.writeString(temp, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(keys), StandardCharsets.UTF_8);
            moveIfAbsent(temp, file);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /// The JSON object in `file`; `malformed` turns what is wrong with it into the error to throw (naming
    /// the file and the fix).
    public static JsonNode readObject(Path file, Function<String, IOException> malformed) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw malformed.apply("it is not valid JSON (" + e.getOriginalMessage() + ")");
        }
        if (root == null || !root.isObject()) throw malformed.apply("it does not hold a JSON object");
        return root;
    }

    /// Publishes the complete temp file under `file` unless `file` exists. A hard link fails atomically when the
    /// target exists (a rename would replace it on Linux); file systems without links get a plain move.
    private static void moveIfAbsent(Path temp, Path file) throws IOException {
        try {
            Files.createLink(file, temp);
        } catch (FileAlreadyExistsException raced) {
            // another Berth process created the file meanwhile; its keys win
        } catch (UnsupportedOperationException | IOException noLinks) {
            try {
                Files.move(temp, file);
            } catch (FileAlreadyExistsException raced) {
                // another Berth process created the file meanwhile; its keys win
            }
        }
    }

    private static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the user's profile folder ACLs protect the file
        }
    }
}
