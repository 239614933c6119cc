package dev.berth.runner.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.runner.export.ProjectDocs.Doc;

import java.util.Optional;

/// Scale rules in Container Apps' shape. Locally a queue rule reads Berth's embedded queues; in Azure it
/// needs the storage connection, so a rule without `auth` gets one pointing at the secret made from the
/// `AzureWebJobsStorage` setting. Stateless.
final class AcaRules {
    static final String STORAGE_SETTING = "AzureWebJobsStorage";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private AcaRules() {}

    /// A rule of `properties.template.scale.rules`.
    static ObjectNode rule(ScaleRule rule, EnvPlan env, Doc doc, Notes notes) {
        var out = JSON.objectNode().put("name", rule.name());
        switch (rule) {
            case ScaleRule.Http h -> out.putObject("http").putObject("metadata")
                    .put("concurrentRequests", Integer.toString(h.concurrentRequests()));
            case ScaleRule.Queue q -> {
                var queue = out.putObject("azureQueue").put("queueName", q.queueName()).put("queueLength", q.queueLength());
                queue.set("auth", queueAuth(q.name(), q.auth(), env, doc, notes));
            }
            case ScaleRule.Custom c -> {
                var custom = out.putObject("custom").put("type", c.type());
                custom.set("metadata", c.metadata().deepCopy());
                c.auth().ifPresent(a -> custom.set("auth", a.deepCopy()));
            }
            case ScaleRule.Tcp t -> out.putObject("tcp").set("metadata", t.metadata().deepCopy());
        }
        return out;
    }

    /// A rule of a job's `eventTriggerConfig.scale.rules` (`type` and `metadata` at the rule's level).
    static ObjectNode jobRule(ScaleRule rule, EnvPlan env, Doc doc, Notes notes) {
        var out = JSON.objectNode().put("name", rule.name());
        switch (rule) {
            case ScaleRule.Queue q -> {
                out.put("type", "azure-queue");
                out.putObject("metadata").put("queueName", q.queueName()).put("queueLength", Integer.toString(q.queueLength()));
                out.set("auth", queueAuth(q.name(), q.auth(), env, doc, notes));
            }
            case ScaleRule.Custom c -> {
                out.put("type", c.type());
                out.set("metadata", c.metadata().deepCopy());
                c.auth().ifPresent(a -> out.set("auth", a.deepCopy()));
            }
            case ScaleRule.Http h -> out.put("type", "http").putObject("metadata")
                    .put("concurrentRequests", Integer.toString(h.concurrentRequests()));
            case ScaleRule.Tcp t -> out.put("type", "tcp").set("metadata", t.metadata().deepCopy());
        }
        return out;
    }

    private static JsonNode queueAuth(String rule, Optional<JsonNode> written, EnvPlan env, Doc doc, Notes notes) {
        if (written.isPresent()) return written.get().deepCopy();
        var secret = EnvPlan.secretName(STORAGE_SETTING);
        if (!env.secrets().stream().anyMatch(s -> s.name().equals(secret))) {
            notes.warning(doc.file(), ScaleRules.where(doc, rule), "the queue rule has no auth, and local.settings.json has no "
                    + STORAGE_SETTING + " to make the connection secret from.", "add " + STORAGE_SETTING + " to "
                    + "local.settings.json Values, or `auth: [{secretRef: <secret>, triggerParameter: connection}]`.");
        }
        ArrayNode auth = JSON.arrayNode();
        auth.addObject().put("secretRef", secret).put("triggerParameter", "connection");
        return auth;
    }
}
