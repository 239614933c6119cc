package dev.berth.app.ui.theme;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/// Light or dark, kept in `<userDir>/settings.json` (`{"theme": "dark"}`), other keys left as they are.
/// FX thread only.
public final class ThemeViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(ThemeViewModel.class);

    private final Path file;
    private final ObjectMapper json = new ObjectMapper();
    private final ReadOnlyBooleanWrapper dark = new ReadOnlyBooleanWrapper(false);

    public ThemeViewModel(Path userDir) {
        this.file = userDir.resolve("settings.json");
        dark.set("dark".equals(read().path("theme").asText("light")));
    }

    public void toggle() {
        dark.set(!dark.get());
        var settings = read();
        settings.put("theme", dark.get() ? "dark" : "light");
        try {
            Files.createDirectories(file.getParent());
            json.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), settings);
        } catch (IOException e) {
            LOG.warn("Cannot write {} ({}); the theme is not kept. Fix: make the folder writable.", file, e.getMessage());
        }
    }

    private ObjectNode read() {
        if (!Files.isRegularFile(file)) return json.createObjectNode();
        try {
            return json.readTree(file.toFile()) instanceof ObjectNode node ? node : json.createObjectNode();
        } catch (IOException e) {
            LOG.warn("{} cannot be read ({}); using the light theme. Fix: delete the file.", file, e.getMessage());
            return json.createObjectNode();
        }
    }

    public ReadOnlyBooleanProperty darkProperty() { return dark.getReadOnlyProperty(); }
}
