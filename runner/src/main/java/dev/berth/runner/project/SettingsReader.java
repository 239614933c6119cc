package dev.berth.runner.project;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/// Reads local.settings.json: its `Values` become the replicas' environment. The file is optional.
/// Keys are matched ignoring case, as Core Tools does. Stateless apart from its parser.
final class SettingsReader {
    static final Path FILE = Path.of("local.settings.json");
    static final Set<String> KNOWN_KEYS = Set.of("IsEncrypted", "Values", "Host", "ConnectionStrings");

    private final SourceParser parser;

    SettingsReader(SourceParser parser) { this.parser = parser; }

    Map<String, String> read(Path dir, Problems problems) {
        if (!Files.exists(dir.resolve(FILE))) return Map.of();
        return parser.json(dir, FILE, problems).map(doc -> read(doc, problems)).orElse(Map.of());
    }

    private static Map<String, String> read(SourceDoc doc, Problems problems) {
        Fields.warnUnknown(doc, "", doc.root(), KNOWN_KEYS, true, "local.settings.json", problems);
        Fields.find(doc.root(), "IsEncrypted", true).ifPresent(e -> {
            if (e.getValue().asBoolean(false)) {
                problems.error(doc, e.getKey(), "the settings are encrypted, and Berth cannot decrypt them "
                        + "(the key is bound to the machine that encrypted them).", "set \"IsEncrypted\": false and "
                        + "store the values in plain text (`func settings decrypt` does both).");
            }
        });
        var values = Fields.find(doc.root(), "Values", true);
        if (values.isEmpty() || values.get().getValue().isNull()) return Map.of();
        var field = values.get().getKey();
        var object = values.get().getValue();
        if (!object.isObject()) {
            problems.error(doc, field, "Values must be an object of names and texts, found "
                    + SourceParser.describe(object) + ".", "write \"Values\": {\"NAME\": \"value\"}.");
            return Map.of();
        }
        var settings = new LinkedHashMap<String, String>();
        for (var entry : object.properties()) {
            value(doc, SourceDoc.child(field, entry.getKey()), entry.getValue(), problems)
                    .ifPresent(v -> settings.put(entry.getKey(), v));
        }
        return settings;
    }

    /// The setting as text; numbers and booleans are converted (WARNING), nested values refused (ERROR).
    private static Optional<String> value(SourceDoc doc, String where, JsonNode value, Problems problems) {
        if (value.isTextual()) return Optional.of(value.asText());
        if (value.isNumber() || value.isBoolean()) {
            problems.warning(doc, where, "the value " + value.asText() + " is not text; Berth passes it as \""
                    + value.asText() + "\".", "put the value in double quotes.");
            return Optional.of(value.asText());
        }
        if (value.isNull()) {
            problems.warning(doc, where, "the value is null; the setting is left out.", "give it a text value, or remove it.");
        } else {
            problems.error(doc, where, "the value is " + SourceParser.describe(value)
                    + "; settings become environment variables and must be text.",
                    "write the value as a string, e.g. the JSON text in quotes with inner quotes escaped.");
        }
        return Optional.empty();
    }
}
