package dev.berth.runner.project;


import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/// The project's function keys, kept in `.berth/keys.json`: "default" (function level) and "master"
/// (admin level); further named keys in the file open function level too, as Azure's host keys do.
/// Generated on first use: 32 random bytes from [SecureRandom], URL-safe base64. Immutable, thread-safe.
public final class FunctionKeys {
    static final String FILE = "keys.json";
    static final String DEFAULT = "default";
    static final String MASTER = "master";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, String> keys;

    private FunctionKeys(Map<String, String> keys) {
        this.keys = Collections.unmodifiableMap(new LinkedHashMap<>(keys));
    }

    /// Reads `stateDir/keys.json`, creating the folder and the file with fresh random keys when absent.
    /// @throws IOException when the file cannot be read or written, or is malformed (the message names the
    ///         file and says to delete it to get new keys)
    public static FunctionKeys load(Path stateDir) throws IOException {
        Files.createDirectories(stateDir);
        var file = stateDir.resolve(FILE);
        if (!Files.exists(file)) create(file);
        return read(file);
    }

    private static void create(Path file) throws IOException {
        var keys = new LinkedHashMap<String, String>();
        keys.put(DEFAULT, newKey());
        keys.put(MASTER, newKey());
        KeyFile.createIfAbsent(file, "keys", keys);
    }

    private static FunctionKeys read(Path file) throws IOException {
        var root = KeyFile.readObject(file, why -> malformed(file, why));
        var keys = new LinkedHashMap<String, String>();
        for (var name : new String[] {DEFAULT, MASTER}) {
            var value = root.get(name);
            if (value == null || !value.isTextual() || value.asText().isBlank()) {
                throw malformed(file, "the \"" + name + "\" key is missing or not text");
            }
            keys.put(name, value.asText());
        }
        for (var entry : root.properties()) {
            if (entry.getValue().isTextual() && !entry.getValue().asText().isBlank()) {
                keys.putIfAbsent(entry.getKey(), entry.getValue().asText());
            }
        }
        return new FunctionKeys(keys);
    }

    private static IOException malformed(Path file, String why) {
        return new IOException("The function key file " + file + " is malformed: " + why
                + ". Fix: delete it; Berth generates new keys on the next run.");
    }

    private static String newKey() {
        var bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /// Key name → key: "default", "master", then any further keys from the file.
    public Map<String, String> all() { return keys; }

    /// Whether `presented` opens a function of `level`: anonymous needs nothing, the master key opens every
    /// level, the other keys open function level. The comparison takes the same time wherever a key differs.
    public boolean allows(AuthLevel level, String presented) {
        if (level == AuthLevel.ANONYMOUS) return true;
        if (presented == null) return false;
        var bytes = presented.getBytes(StandardCharsets.UTF_8);
        boolean master = MessageDigest.isEqual(bytes, keys.get(MASTER).getBytes(StandardCharsets.UTF_8));
        if (level == AuthLevel.ADMIN) return master;
        boolean other = false;
        for (var entry : keys.entrySet()) {
            // No early exit: every key is compared, so timing does not tell which one nearly matched.
            other |= !entry.getKey().equals(MASTER) & MessageDigest.isEqual(bytes, entry.getValue().getBytes(StandardCharsets.UTF_8));
        }
        return master | other;
    }

    /// Never prints the keys themselves.
    @Override public String toString() { return "FunctionKeys" + keys.keySet(); }
}
