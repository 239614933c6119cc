package dev.berth.runner.export;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.runner.export.ProjectDocs.Doc;

import java.util.Optional;

/// KEDA triggers for Container Apps scale rules (Container Apps runs KEDA, so custom rule types are KEDA
/// scaler names already). A queue trigger reads its connection string from the container's env
/// (`connectionFromEnv`); CPU and memory use `metricType: Utilization`. Stateless.
final class K8sTriggers {
    private K8sTriggers() {}

    /// The trigger for `rule`, or empty (with a note) when KEDA has none; http rules are handled by the
    /// HTTP add-on instead (see [K8sScaling]).
    static Optional<ObjectNode> trigger(ScaleRule rule, EnvPlan env, Doc doc, Notes notes) {
        var out = JsonNodeFactory.instance.objectNode();
        switch (rule) {
            case ScaleRule.Queue q -> {
                out.put("type", "azure-queue").put("name", q.name());
                out.putObject("metadata").put("queueName", q.queueName()).put("queueLength", Integer.toString(q.queueLength()))
                        .put("connectionFromEnv", connectionEnv(q, env, doc, notes));
            }
            case ScaleRule.Custom c when c.type().equals("cpu") || c.type().equals("memory") -> {
                var meta = c.metadata().deepCopy();
                var metricType = meta.has("type") ? meta.remove("type").asText() : "Utilization";
                if (meta.has("metricType")) metricType = meta.remove("metricType").asText();
                out.put("type", c.type()).put("name", c.name()).put("metricType", metricType);
                out.set("metadata", meta);
            }
            case ScaleRule.Custom c -> {
                out.put("type", c.type()).put("name", c.name());
                out.set("metadata", c.metadata().deepCopy());
                if (c.auth().isPresent()) {
                    notes.warning(doc.file(), ScaleRules.where(doc, c.name()), "the rule's auth (secretRef) has no KEDA equivalent "
                            + "in the export.", "add a TriggerAuthentication and `authenticationRef` to the trigger.");
                }
            }
            case ScaleRule.Tcp t -> {
                notes.warning(doc.file(), ScaleRules.where(doc, t.name()), "KEDA has no TCP connection scaler; the rule is left out.",
                        "scale on CPU, or on a metric your app exports (prometheus trigger).");
                return Optional.empty();
            }
            case ScaleRule.Http h -> throw new IllegalArgumentException("http rules go to the HTTP add-on: " + h.name());
        }
        return Optional.of(out);
    }

    /// The env var with the storage connection: the one the rule's auth secret feeds, else AzureWebJobsStorage.
    private static String connectionEnv(ScaleRule.Queue q, EnvPlan env, Doc doc, Notes notes) {
        var secret = q.auth().flatMap(a -> Optional.ofNullable(a.path(0).get("secretRef"))).map(n -> n.asText());
        var fromAuth = secret.flatMap(env::envFor);
        if (fromAuth.isPresent()) return fromAuth.get();
        if (!env.has(AcaRules.STORAGE_SETTING)) {
            notes.warning(doc.file(), ScaleRules.where(doc, q.name()), "the queue trigger reads the connection string from env "
                    + AcaRules.STORAGE_SETTING + ", which the container does not have.", "add " + AcaRules.STORAGE_SETTING
                    + " to local.settings.json Values (its value becomes a Secret placeholder).");
        }
        return AcaRules.STORAGE_SETTING;
    }
}
