package dev.berth.runner.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.runner.export.ProjectDocs.Doc;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/// Reads the scale rules of an app (`http`, `azureQueue`, `custom`, `tcp`, each with `metadata`) into
/// [ScaleRule]s, with an ERROR naming the rule's field for what no platform would accept. Stateless.
final class ScaleRules {
    static final List<String> KINDS = List.of("http", "azureQueue", "custom", "tcp");
    static final int DEFAULT_CONCURRENT_REQUESTS = 10;
    static final int DEFAULT_QUEUE_LENGTH = 5;

    private ScaleRules() {}

    static List<ScaleRule> read(Doc doc, JsonNode rules, String field, Notes notes) {
        if (rules.isMissingNode() || rules.isNull()) return List.of();
        if (!rules.isArray()) {
            notes.error(doc.file(), field, "rules must be a list.", "write each rule as `- name: …` under `rules:`.");
            return List.of();
        }
        var out = new ArrayList<ScaleRule>();
        var names = new HashSet<String>();
        for (int i = 0; i < rules.size(); i++) {
            var where = field + "[" + i + "]";
            var rule = rules.get(i);
            var name = rule.path("name").asText("");
            if (name.isBlank()) {
                notes.error(doc.file(), where + ".name", "the rule has no name.", "add `name: http-rule` (unique, lowercase).");
            } else if (!names.add(name)) {
                notes.error(doc.file(), where + ".name", "two rules are named \"" + name + "\".", "give each rule its own name.");
            }
            rule(doc, where, name, rule, notes).ifPresent(out::add);
        }
        return out;
    }

    private static Optional<ScaleRule> rule(Doc doc, String where, String name, JsonNode rule, Notes notes) {
        var kinds = KINDS.stream().filter(rule::has).toList();
        if (kinds.size() != 1) {
            var found = new ArrayList<String>();
            rule.fieldNames().forEachRemaining(found::add);
            found.remove("name");
            notes.error(doc.file(), where, "rule \"" + name + "\" has " + (kinds.isEmpty() ? "no known rule type"
                    + (found.isEmpty() ? "" : " (found " + String.join(", ", found) + ")") : "more than one type: "
                    + String.join(", ", kinds)) + ".", "give it exactly one of http, azureQueue, custom (with a KEDA "
                    + "`type` such as cron, cpu or memory) or tcp, e.g. `http: {metadata: {concurrentRequests: \"10\"}}`.");
            return Optional.empty();
        }
        var kind = kinds.getFirst();
        var body = rule.path(kind);
        var meta = text(body.path("metadata"));
        var auth = Optional.ofNullable(body.get("auth")).filter(a -> !a.isNull());
        return switch (kind) {
            case "http" -> Optional.of(new ScaleRule.Http(name, count(doc, where + ".http.metadata.concurrentRequests",
                    meta, "concurrentRequests", DEFAULT_CONCURRENT_REQUESTS, notes)));
            case "azureQueue" -> queue(doc, where + ".azureQueue", name, text(body), auth, notes);
            case "tcp" -> Optional.of(new ScaleRule.Tcp(name, meta));
            default -> custom(doc, where + ".custom", name, body.path("type").asText(""), meta, auth, notes);
        };
    }

    private static Optional<ScaleRule> custom(Doc doc, String where, String name, String type, ObjectNode meta,
                                              Optional<JsonNode> auth, Notes notes) {
        return switch (type) {
            case "" -> {
                notes.error(doc.file(), where + ".type", "custom rule \"" + name + "\" has no KEDA scaler type.",
                        "add `type:`, e.g. cron, cpu, memory or azure-queue.");
                yield Optional.empty();
            }
            case "http" -> Optional.of(new ScaleRule.Http(name, count(doc, where + ".metadata.concurrentRequests", meta,
                    "concurrentRequests", DEFAULT_CONCURRENT_REQUESTS, notes)));
            case "azure-queue" -> queue(doc, where + ".metadata", name, meta, auth, notes);
            case "gpu" -> {
                // Berth's own scaler: an exported rule of this type would be refused by Azure and KEDA alike.
                notes.warning(doc.file(), where + ".type", "rule \"" + name + "\" uses Berth's local gpu scaler, which "
                        + "neither Azure Container Apps nor KEDA has; it is left out of the export.", "scale the GPU app "
                        + "on requests or queue length there; on Kubernetes, KEDA's prometheus scaler on dcgm-exporter's "
                        + "DCGM_FI_DEV_GPU_UTIL does what this rule does locally.");
                yield Optional.empty();
            }
            default -> Optional.of(new ScaleRule.Custom(name, type, meta, auth));
        };
    }

    private static Optional<ScaleRule> queue(Doc doc, String where, String name, ObjectNode fields,
                                             Optional<JsonNode> auth, Notes notes) {
        var queueName = fields.path("queueName").asText("");
        if (queueName.isBlank()) {
            notes.error(doc.file(), where + ".queueName", "queue rule \"" + name + "\" names no queue.",
                    "add `queueName: orders`.");
            return Optional.empty();
        }
        int length = count(doc, where + ".queueLength", fields, "queueLength", DEFAULT_QUEUE_LENGTH, notes);
        return Optional.of(new ScaleRule.Queue(name, queueName, length, auth));
    }

    /// Where the rule `name` is written, for notes: its list's field and its name.
    static String where(Doc doc, String name) {
        var list = doc.file().equals(ProjectDocs.CONTAINER_APP) ? AppShape.SCALE + ".rules"
                : JobShape.CONFIGURATION + ".eventTriggerConfig.scale.rules";
        return list + " (rule \"" + name + "\")";
    }

    /// A whole number ≥ 1 at `meta.key`, bare or quoted; `fallback` when absent.
    static int count(Doc doc, String field, JsonNode meta, String key, int fallback, Notes notes) {
        var value = meta.path(key);
        if (value.isMissingNode() || value.isNull()) return fallback;
        try {
            int n = Integer.parseInt(value.asText().strip());
            if (n >= 1) return n;
        } catch (NumberFormatException notNumber) {
            // reported below
        }
        notes.error(doc.file(), field, "\"" + value.asText() + "\" is not a whole number of at least 1.",
                "write a whole number, e.g. \"" + fallback + "\".");
        return fallback;
    }

    /// A copy of a metadata mapping with every scalar as text (`"10"`, not 10), as the API and KEDA expect.
    static ObjectNode text(JsonNode metadata) {
        var out = JsonNodeFactory.instance.objectNode();
        metadata.properties().forEach(e -> {
            if (e.getValue().isValueNode()) out.put(e.getKey(), e.getValue().asText());
            else out.set(e.getKey(), e.getValue().deepCopy());
        });
        return out;
    }
}
