package dev.berth.app.ui.trigger;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/// Reads the `Values` of a project's local.settings.json for previews (the runner validates the file
/// properly when the project runs). Blocking file I/O: call it off the FX thread. Stateless.
public final class LocalSettings {
    private static final ObjectMapper JSON = new ObjectMapper();

    private LocalSettings() {}

    /// The values, or an empty map when the file is absent.
    public static Map<String, String> read(Path projectDir) throws IOException {
        var file = projectDir.resolve("local.settings.json");
        if (!Files.isRegularFile(file)) return Map.of();
        var values = new LinkedHashMap<String, String>();
        JSON.readTree(file.toFile()).path("Values").properties()
                .forEach(e -> values.put(e.getKey(), e.getValue().asText()));
        return values;
    }
}
