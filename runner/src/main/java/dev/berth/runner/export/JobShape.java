package dev.berth.runner.export;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.runner.export.ProjectDocs.Doc;
import dev.berth.runner.project.FunctionApp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/// One `jobs/<name>.yaml` as both exports see it: trigger, timeout and retries, the trigger's settings, the
/// event rules, and the container (the project's image when none is named). Immutable once read.
record JobShape(String name, Doc doc, String triggerType, int replicaTimeout, int retryLimit, int parallelism,
                int completions, Optional<String> cron, int minExecutions, int maxExecutions, int pollingInterval,
                List<ScaleRule> rules, ContainerShape container, EnvPlan env) {
    static final List<String> TRIGGERS = List.of("Manual", "Schedule", "Event");
    static final String CONFIGURATION = "properties.configuration";

    JobShape { rules = List.copyOf(rules); }

    /// The job's own image, or the project's (`projectImage`) when it names none.
    String image(String projectImage) { return container.image().orElse(projectImage); }

    /// The key of the trigger's own settings, e.g. `scheduleTriggerConfig`.
    String configKey() { return triggerType.toLowerCase(java.util.Locale.ROOT) + "TriggerConfig"; }

    static Optional<JobShape> read(Doc doc, FunctionApp app, Notes notes) {
        var root = doc.root();
        var name = root.path("name").asText(doc.file().getFileName().toString().replaceFirst("\\.ya?ml$", ""));
        var configuration = root.at("/properties/configuration");
        var written = configuration.path("triggerType").asText("");
        var trigger = TRIGGERS.stream().filter(t -> t.equalsIgnoreCase(written)).findFirst();
        if (trigger.isEmpty()) {
            notes.error(doc.file(), CONFIGURATION + ".triggerType", written.isEmpty() ? "the job has no triggerType."
                    : "\"" + written + "\" is not a job trigger type.", "use Manual, Schedule or Event.");
            return Optional.empty();
        }
        var timeout = configuration.path("replicaTimeout");
        if (!timeout.isIntegralNumber() || timeout.asInt() < 1) {
            notes.error(doc.file(), CONFIGURATION + ".replicaTimeout", "the job needs replicaTimeout, a whole number of "
                    + "seconds.", "add `replicaTimeout: 1800`.");
            return Optional.empty();
        }
        var config = configuration.path(trigger.get().toLowerCase(java.util.Locale.ROOT) + "TriggerConfig");
        var field = CONFIGURATION + "." + trigger.get().toLowerCase(java.util.Locale.ROOT) + "TriggerConfig";
        var cron = Optional.of(config.path("cronExpression").asText("").strip()).filter(s -> !s.isEmpty());
        if (trigger.get().equals("Schedule") && cron.isEmpty()) {
            notes.error(doc.file(), field + ".cronExpression", "a Schedule job needs a cronExpression.",
                    "add `cronExpression: \"0 2 * * *\"` (minute hour day month day-of-week, UTC).");
            return Optional.empty();
        }
        var scale = config.path("scale");
        var rules = rules(doc, scale.path("rules"), field + ".scale.rules", notes);
        if (trigger.get().equals("Event") && rules.isEmpty()) {
            notes.error(doc.file(), field + ".scale.rules", "an Event job needs a scale rule.",
                    "add a rule with `type: azure-queue` and `metadata: {queueName: work, queueLength: \"1\"}`.");
        }
        var containers = root.at("/properties/template/containers");
        var container = ContainerShape.read(doc, containers, "properties.template.containers", name, notes);
        var env = EnvPlan.of(app, doc, containers.path(0), "properties.template.containers[0]", Map.of(), notes);
        return Optional.of(new JobShape(name, doc, trigger.get(), timeout.asInt(),
                configuration.path("replicaRetryLimit").asInt(0), config.path("parallelism").asInt(1),
                config.path("replicaCompletionCount").asInt(1), cron, scale.path("minExecutions").asInt(0),
                scale.path("maxExecutions").asInt(100), scale.path("pollingInterval").asInt(30), rules, container, env));
    }

    /// `{name, type, metadata, auth}` rules; `azure-queue` ones become [ScaleRule.Queue].
    private static List<ScaleRule> rules(Doc doc, JsonNode list, String field, Notes notes) {
        var out = new ArrayList<ScaleRule>();
        for (int i = 0; i < list.size(); i++) {
            var rule = list.get(i);
            var where = field + "[" + i + "]";
            var name = rule.path("name").asText("rule-" + i);
            var type = rule.path("type").asText("");
            var meta = ScaleRules.text(rule.path("metadata"));
            var auth = Optional.ofNullable(rule.get("auth")).filter(a -> !a.isNull());
            if (type.isEmpty()) {
                notes.error(doc.file(), where + ".type", "rule \"" + name + "\" has no KEDA scaler type.",
                        "add `type: azure-queue` (or another KEDA scaler).");
            } else if (type.equals("azure-queue")) {
                var queue = meta.path("queueName").asText("");
                if (queue.isBlank()) {
                    notes.error(doc.file(), where + ".metadata.queueName", "queue rule \"" + name + "\" names no queue.",
                            "add `queueName: work`.");
                    continue;
                }
                out.add(new ScaleRule.Queue(name, queue, ScaleRules.count(doc, where + ".metadata.queueLength", meta,
                        "queueLength", ScaleRules.DEFAULT_QUEUE_LENGTH, notes), auth));
            } else {
                out.add(new ScaleRule.Custom(name, type, meta, auth));
            }
        }
        return out;
    }
}
