package dev.berth.runner.export;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.runner.export.ProjectDocs.Doc;
import dev.berth.runner.project.FunctionApp;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/// The environment of an exported container and the secrets it refers to. The container's own `env` from the
/// YAML comes first; local.settings.json `Values` win, as app settings do in Azure. Berth's own settings
/// (`BERTH_*`) are dropped; settings that look like secrets become `secretRef`s to a secret whose value is a
/// placeholder, so no secret value ever leaves the project. Immutable.
record EnvPlan(List<EnvVar> env, List<Secret> secrets) {
    static final Path SETTINGS = Path.of("local.settings.json");
    static final String BERTH_PREFIX = "BERTH_";
    /// Names and values that hold credentials: connection strings, keys, passwords, tokens.
    private static final Pattern SECRET_NAME = Pattern.compile(
            "(?i).*(connection|secret|password|passwd|pwd|token|key|sas|credential|AzureWebJobsStorage).*");
    private static final Pattern SECRET_VALUE = Pattern.compile("(?i).*(AccountKey=|SharedAccessKey|Password=|sig=).*");
    private static final Pattern SECRET_REF_NAME = Pattern.compile("[a-z0-9][a-z0-9.-]*[a-z0-9]|[a-z0-9]");

    /// `value` or `secretRef` (the name of a [Secret]).
    record EnvVar(String name, Optional<String> value, Optional<String> secretRef) {}

    /// A secret to create: its name, the placeholder to replace, and where its value comes from.
    record Secret(String name, String placeholder, String source) {}

    EnvPlan {
        env = List.copyOf(env);
        secrets = List.copyOf(secrets);
    }

    /// The env of the container node `container` (of `doc`), merged with the project's settings; `fixed`
    /// entries (e.g. the handler port) are set last and win.
    static EnvPlan of(FunctionApp app, Doc doc, JsonNode container, String field, Map<String, String> fixed,
                      Notes notes) {
        var env = new LinkedHashMap<String, EnvVar>();
        var secrets = new LinkedHashMap<String, Secret>();
        fileEnv(doc, container.path("env"), field + ".env", env);
        for (var setting : new TreeMap<>(app.settings()).entrySet()) { // sorted: the same output every time
            var name = setting.getKey();
            if (name.toUpperCase(Locale.ROOT).startsWith(BERTH_PREFIX)) {
                notes.warning(SETTINGS, "Values." + name, "left out of the export: it configures Berth only.", "");
            } else if (isSecret(name, setting.getValue())) {
                var secret = secretName(name);
                secrets.put(secret, new Secret(secret, placeholder(name), SETTINGS + " Values." + name));
                env.put(name, new EnvVar(name, Optional.empty(), Optional.of(secret)));
            } else {
                env.put(name, new EnvVar(name, Optional.of(setting.getValue()), Optional.empty()));
            }
        }
        fixed.forEach((k, v) -> env.put(k, new EnvVar(k, Optional.of(v), Optional.empty())));
        return new EnvPlan(new ArrayList<>(env.values()), new ArrayList<>(secrets.values()));
    }

    private static void fileEnv(Doc doc, JsonNode list, String field, Map<String, EnvVar> env) {
        for (var item : list) {
            var name = item.path("name").asText("");
            if (name.isBlank()) continue; // the loader already refused it
            var ref = item.path("secretRef").asText("");
            env.put(name, ref.isEmpty() ? new EnvVar(name, Optional.of(item.path("value").asText("")), Optional.empty())
                    : new EnvVar(name, Optional.empty(), Optional.of(ref)));
        }
    }

    static boolean isSecret(String name, String value) {
        return SECRET_NAME.matcher(name).matches() || SECRET_VALUE.matcher(value).matches();
    }

    /// A Container Apps secret name (lowercase letters, digits, '-' and '.') for the setting `name`.
    static String secretName(String name) {
        var secret = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.-]+", "-").replaceAll("^[^a-z0-9]+|[^a-z0-9]+$", "");
        return SECRET_REF_NAME.matcher(secret).matches() ? secret : "setting";
    }

    static String placeholder(String source) { return "<value of " + source + ">"; }

    /// The env var whose value is the secret `secret`, if any.
    Optional<String> envFor(String secret) {
        return env.stream().filter(e -> e.secretRef().filter(secret::equals).isPresent()).map(EnvVar::name).findFirst();
    }

    boolean has(String name) { return env.stream().anyMatch(e -> e.name().equals(name)); }
}
