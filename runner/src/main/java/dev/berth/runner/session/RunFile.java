package dev.berth.runner.session;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;

/// `.berth/run.json`: where the project's running session serves (ingress URL and the Berth process
/// id), so `berth invoke` and other commands find it. Written at start, removed at stop; a file left
/// by a killed process is recognised by its dead pid. Stateless; safe from any thread.
public final class RunFile {
    private static final String NAME = "run.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private RunFile() {}

    static void write(Path stateDir, URI ingress) throws IOException {
        Files.createDirectories(stateDir);
        var temp = Files.createTempFile(stateDir, NAME, ".tmp");
        JSON.writeValue(temp.toFile(), Map.of("ingress", ingress.toString(), "pid", ProcessHandle.current().pid()));
        Files.move(temp, stateDir.resolve(NAME), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static void delete(Path stateDir) throws IOException {
        Files.deleteIfExists(stateDir.resolve(NAME));
    }

    /// The ingress of the session serving `projectDir`, if one is running.
    public static Optional<URI> ingressOf(Path projectDir) {
        var file = projectDir.resolve(".berth").resolve(NAME);
        if (!Files.isRegularFile(file)) return Optional.empty();
        try {
            var node = JSON.readTree(file.toFile());
            var alive = ProcessHandle.of(node.path("pid").asLong(-1)).map(ProcessHandle::isAlive).orElse(false);
            return alive ? Optional.of(URI.create(node.path("ingress").asText())) : Optional.empty();
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty(); // half-written or foreign: treat as no session
        }
    }
}
