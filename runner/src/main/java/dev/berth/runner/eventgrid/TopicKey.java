package dev.berth.runner.eventgrid;

import dev.berth.runner.project.KeyFile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;

/// The access keys of the project's Event Grid topics, kept in `.berth/eventgrid-key.json` as `key1` and
/// `key2` (an Azure topic has two, so one can be rotated while the other is in use; either opens every topic).
/// Generated on first use: 32 random bytes from [SecureRandom], base64 as Azure's. Immutable, thread-safe.
public final class TopicKey {
    public static final String FILE = "eventgrid-key.json";
    static final List<String> NAMES = List.of("key1", "key2");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path file;
    private final List<byte[]> keys;

    private TopicKey(Path file, List<String> keys) {
        this.file = file;
        this.keys = keys.stream().map(k -> k.getBytes(StandardCharsets.UTF_8)).toList();
    }

    /// Reads `stateDir/eventgrid-key.json`, creating the folder and the file with fresh keys when absent.
    /// @throws IOException when the file cannot be read or written, or is malformed (the message names the
    ///         file and says to delete it)
    public static TopicKey load(Path stateDir) throws IOException {
        Files.createDirectories(stateDir);
        var file = stateDir.resolve(FILE);
        if (!Files.exists(file)) create(file);
        return read(file);
    }

    /// Where the keys are, for messages that tell a user where to find them.
    public Path file() { return file; }

    /// `key1`, which tools such as `berth event send` present.
    public String primary() { return new String(keys.getFirst(), StandardCharsets.UTF_8); }

    /// Whether `presented` is one of the keys; the comparison takes the same time wherever a key differs.
    public boolean allows(String presented) {
        if (presented == null) return false;
        var bytes = presented.strip().getBytes(StandardCharsets.UTF_8);
        boolean match = false;
        for (var key : keys) match |= MessageDigest.isEqual(bytes, key);
        return match;
    }

    private static void create(Path file) throws IOException {
        var keys = new LinkedHashMap<String, String>();
        for (var name : NAMES) keys.put(name, newKey());
        KeyFile.createIfAbsent(file, "eventgrid-key", keys);
    }

    private static TopicKey read(Path file) throws IOException {
        var root = KeyFile.readObject(file, why -> malformed(file, why));
        var keys = new java.util.ArrayList<String>();
        for (var name : NAMES) {
            var value = root.get(name);
            if (value == null || !value.isTextual() || value.asText().isBlank()) {
                throw malformed(file, "\"" + name + "\" is missing or not text");
            }
            keys.add(value.asText().strip());
        }
        return new TopicKey(file, keys);
    }

    private static IOException malformed(Path file, String why) {
        return new IOException("The Event Grid key file " + file + " is malformed: " + why
                + ". Fix: delete it; Berth generates new keys on the next run.");
    }

    private static String newKey() {
        var bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    /// Never prints the keys themselves.
    @Override public String toString() { return "TopicKey[" + file + "]"; }
}
