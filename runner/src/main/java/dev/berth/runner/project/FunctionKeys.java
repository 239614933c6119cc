package dev.berth.runner.project;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/// The project's function keys, kept in `.berth/keys.json`: "default" (function level) and "master"
/// (admin level). Generated on first use. Immutable, thread-safe.
public final class FunctionKeys {
    private FunctionKeys() {}

    /// Reads `stateDir/keys.json`, creating it with fresh random keys when absent.
    public static FunctionKeys load(Path stateDir) throws IOException {
        throw new IOException("FunctionKeys is being built by the project-loader work: " + stateDir);
    }

    /// Key name → key.
    public Map<String, String> all() { return Map.of(); }

    /// Whether `presented` opens a function of `level`: the master key opens everything, the default
    /// key opens `function` level.
    public boolean allows(AuthLevel level, String presented) { return false; }
}
