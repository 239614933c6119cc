package dev.berth.runner.project;

import dev.berth.runner.queue.QueueLimits;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/// The checks of storage bindings that need the app settings: `connection` settings that are not app
/// settings ("unknown connection"), queue names that come from a `%Setting%` Azure would reject, and blob
/// paths without a container. Missing properties and literal queue names are [BindingReader]'s, with
/// their lines. Stateless.
final class StorageBindingChecks {
    private static final Set<String> QUEUE_TYPES = Set.of("queuetrigger", "queue");
    private static final Set<String> BLOB_TYPES = Set.of("blobtrigger", "blob");
    /// The connection a storage binding uses when it names none, as in Azure.
    static final String DEFAULT_CONNECTION = "AzureWebJobsStorage";

    private StorageBindingChecks() {}

    static void check(List<FunctionDef> functions, Map<String, String> settings, Problems problems) {
        for (var function : functions) {
            var file = Path.of(function.name(), "function.json");
            var bindings = function.bindings();
            for (int i = 0; i < bindings.size(); i++) {
                var binding = bindings.get(i);
                var type = binding.type().toLowerCase(Locale.ROOT);
                var field = "bindings[" + i + "]";
                if (!QUEUE_TYPES.contains(type) && !BLOB_TYPES.contains(type)) continue;
                checkConnection(file, field, binding, settings, problems);
                if (QUEUE_TYPES.contains(type)) checkQueue(file, field, binding, settings, problems);
                else checkBlobPath(file, field, binding, settings, problems);
            }
        }
    }

    private static void checkConnection(Path file, String field, Binding binding, Map<String, String> settings,
                                        Problems problems) {
        var connection = String.valueOf(binding.properties().getOrDefault("connection", DEFAULT_CONNECTION));
        if (connection.isBlank() || settings.containsKey(connection)) return;
        problems.error(file, 0, field + ".connection", "the connection \"" + connection
                + "\" is not an app setting, so the binding has no storage account.", "add \"" + connection
                + "\": \"UseDevelopmentStorage=true\" to Values in local.settings.json (Berth then uses its embedded "
                + "storage; in Azure the setting holds the account's connection string).");
    }

    private static void checkQueue(Path file, String field, Binding binding, Map<String, String> settings,
                                   Problems problems) {
        var raw = String.valueOf(binding.properties().getOrDefault("queueName", ""));
        if (!raw.contains("%")) return; // missing or literal: checked where the line is known
        var name = resolved(binding, "queueName", settings);
        if (name == null || name.contains("{")) return; // a binding expression, resolved per invocation
        try {
            QueueLimits.checkName(name);
        } catch (RuntimeException e) {
            problems.error(file, 0, field + ".queueName", e.getMessage() + ".", "rename the queue as Azure allows.");
        }
    }

    private static void checkBlobPath(Path file, String field, Binding binding, Map<String, String> settings,
                                      Problems problems) {
        var path = resolved(binding, "path", settings);
        if (path != null && path.indexOf('/') <= 0) {
            problems.error(file, 0, field + ".path", "\"" + path + "\" names no container.",
                    "write it as \"<container>/<blob name or pattern>\", e.g. \"images/{name}\".");
        }
    }

    /// The property with `%Setting%` resolved; null when missing (or naming a missing setting: that is
    /// reported as the value is used).
    private static String resolved(Binding binding, String property, Map<String, String> settings) {
        var value = binding.properties().get(property);
        if (value == null || String.valueOf(value).isBlank()) return null;
        var text = String.valueOf(value).strip();
        if (text.length() > 2 && text.startsWith("%") && text.endsWith("%")) {
            return settings.getOrDefault(text.substring(1, text.length() - 1), "{unresolved}");
        }
        return text;
    }
}
