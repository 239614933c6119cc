package dev.berth.runner.project;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.runner.timer.CronFormatException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/// Reads the trigger settings of a job: `manualTriggerConfig`, `scheduleTriggerConfig` (`cronExpression`)
/// or `eventTriggerConfig` (`scale` with `azure-queue` rules), each with `parallelism` and
/// `replicaCompletionCount`. The config of another trigger type is ignored with a WARNING. Confined to the
/// loading thread.
final class JobTriggerReader {
    static final Set<String> MANUAL_KEYS = Set.of("parallelism", "replicaCompletionCount");
    static final Set<String> SCHEDULE_KEYS = Set.of("parallelism", "replicaCompletionCount", "cronExpression");
    static final Set<String> EVENT_KEYS = Set.of("parallelism", "replicaCompletionCount", "scale");
    static final Set<String> SCALE_KEYS = Set.of("minExecutions", "maxExecutions", "pollingInterval", "rules");
    static final Set<String> RULE_KEYS = Set.of("name", "type", "metadata", "auth", "identity");
    static final Set<String> QUEUE_METADATA_KEYS = Set.of("queueName", "queueLength", "accountName", "connectionFromEnv",
            "cloud", "endpointSuffix", "activationQueueLength", "queueLengthStrategy");
    static final int DEFAULT_POLLING_SECONDS = 30;
    static final int DEFAULT_MAX_EXECUTIONS = 100;
    /// KEDA's azure-queue default target.
    static final int DEFAULT_QUEUE_LENGTH = 5;
    private static final Map<JobSpec.Trigger, String> CONFIG_KEYS = Map.of(JobSpec.Trigger.MANUAL, "manualTriggerConfig",
            JobSpec.Trigger.SCHEDULE, "scheduleTriggerConfig", JobSpec.Trigger.EVENT, "eventTriggerConfig");

    /// What the trigger config says.
    record Settings(int parallelism, int completionCount, Optional<String> cron, Optional<JobSpec.EventScale> event) {}

    private final SourceDoc doc;
    private final Problems problems;

    JobTriggerReader(SourceDoc doc, Problems problems) {
        this.doc = doc;
        this.problems = problems;
    }

    Optional<Settings> read(JobSpec.Trigger trigger, JsonNode configuration) {
        for (var other : JobSpec.Trigger.values()) {
            var key = CONFIG_KEYS.get(other);
            if (other != trigger && YamlValues.get(configuration, key) != null) {
                problems.warning(doc, JobReader.CONFIGURATION + "." + key, key + " is ignored: triggerType is "
                        + trigger.yaml() + ".", "remove it, or set `triggerType: " + other.yaml() + "`.");
            }
        }
        var key = CONFIG_KEYS.get(trigger);
        var field = JobReader.CONFIGURATION + "." + key;
        var config = YamlValues.mapping(doc, field, YamlValues.get(configuration, key), problems);
        var known = switch (trigger) {
            case MANUAL -> MANUAL_KEYS;
            case SCHEDULE -> SCHEDULE_KEYS;
            case EVENT -> EVENT_KEYS;
        };
        Fields.warnUnknown(doc, field, config, known, false, key, problems);
        int parallelism = YamlValues.integer(doc, field + ".parallelism", YamlValues.get(config, "parallelism"),
                1, 100, problems).orElse(1);
        int completions = YamlValues.integer(doc, field + ".replicaCompletionCount",
                YamlValues.get(config, "replicaCompletionCount"), 1, 100, problems).orElse(1);
        return switch (trigger) {
            case MANUAL -> Optional.of(new Settings(parallelism, completions, Optional.empty(), Optional.empty()));
            case SCHEDULE -> cron(field, config).map(c -> new Settings(parallelism, completions, Optional.of(c), Optional.empty()));
            case EVENT -> scale(field + ".scale", config).map(s -> new Settings(parallelism, completions, Optional.empty(), Optional.of(s)));
        };
    }

    private Optional<String> cron(String parent, JsonNode config) {
        var field = parent + ".cronExpression";
        var value = YamlValues.text(doc, field, YamlValues.get(config, "cronExpression"), problems);
        if (value.isEmpty()) {
            problems.error(doc, value.isEmpty() && config == null ? parent : field, "a Schedule job needs a cronExpression.",
                    "add `scheduleTriggerConfig:` / `cronExpression: \"0 2 * * *\"` (minute hour day month day-of-week, UTC).");
            return Optional.empty();
        }
        var cron = value.get().strip();
        var parts = cron.isEmpty() ? new String[0] : cron.split("\\s+");
        if (parts.length != 5) {
            problems.error(doc, field, "\"" + cron + "\" has " + parts.length + " fields; Container Apps job schedules"
                    + " have 5.", "write minute hour day month day-of-week in UTC, e.g. \"*/5 * * * *\" (no seconds).");
            return Optional.empty();
        }
        try {
            JobSpec.parseCron(cron);
        } catch (CronFormatException e) {
            problems.error(doc, field, "\"" + cron + "\" is not a valid cron expression: " + e.getMessage(),
                    "write minute hour day month day-of-week in UTC, e.g. \"0 2 * * *\" (Berth reads it with a seconds "
                            + "field of 0 in front, so field names in the message are shifted by one).");
            return Optional.empty();
        }
        if (!parts[2].equals("*") && !parts[4].equals("*")) {
            problems.warning(doc, field, "both day-of-month and day-of-week are set; Berth fires only when both match, "
                    + "classic cron when either does.", "set one of them to *, so the schedule means the same everywhere.");
        }
        return Optional.of(cron);
    }

    private Optional<JobSpec.EventScale> scale(String field, JsonNode config) {
        var scale = YamlValues.mapping(doc, field, YamlValues.get(config, "scale"), problems);
        if (scale == null) {
            problems.error(doc, field, "an Event job needs a scale with rules.", "add `scale:` with `rules:` and one "
                    + "`- name: queue` / `type: azure-queue` / `metadata: {queueName: orders, queueLength: \"5\"}` rule.");
            return Optional.empty();
        }
        Fields.warnUnknown(doc, field, scale, SCALE_KEYS, false, "scale", problems);
        int min = YamlValues.integer(doc, field + ".minExecutions", YamlValues.get(scale, "minExecutions"), 0, 1000,
                problems).orElse(0);
        int max = YamlValues.integer(doc, field + ".maxExecutions", YamlValues.get(scale, "maxExecutions"), 1, 1000,
                problems).orElse(Math.max(DEFAULT_MAX_EXECUTIONS, min));
        if (min > max) {
            problems.error(doc, field + ".minExecutions", "minExecutions (" + min + ") is greater than maxExecutions ("
                    + max + ").", "lower minExecutions or raise maxExecutions.");
        }
        int polling = YamlValues.integer(doc, field + ".pollingInterval", YamlValues.get(scale, "pollingInterval"), 1,
                3600, problems).orElse(DEFAULT_POLLING_SECONDS);
        var rules = rules(field + ".rules", YamlValues.get(scale, "rules"));
        if (rules.isEmpty()) return Optional.empty();
        return Optional.of(new JobSpec.EventScale(min, max, Duration.ofSeconds(polling), rules));
    }

    private List<JobSpec.QueueRule> rules(String field, JsonNode list) {
        var rules = new ArrayList<JobSpec.QueueRule>();
        if (list == null || !list.isArray() || list.isEmpty()) {
            problems.error(doc, field, "an Event job needs at least one scale rule, found " + SourceParser.describe(list)
                    + ".", "add `- name: queue` / `type: azure-queue` / `metadata: {queueName: orders, queueLength: \"5\"}`.");
            return rules;
        }
        for (int i = 0; i < list.size(); i++) rule(SourceDoc.item(field, i), list.get(i)).ifPresent(rules::add);
        return rules;
    }

    private Optional<JobSpec.QueueRule> rule(String where, JsonNode value) {
        var rule = YamlValues.mapping(doc, where, value, problems);
        if (rule == null) return Optional.empty();
        Fields.warnUnknown(doc, where, rule, RULE_KEYS, false, "a scale rule", problems);
        var name = YamlValues.text(doc, where + ".name", YamlValues.get(rule, "name"), problems).orElse("rule");
        var type = YamlValues.text(doc, where + ".type", YamlValues.get(rule, "type"), problems).orElse("");
        if (!type.equals("azure-queue")) {
            problems.error(doc, where + ".type", (type.isEmpty() ? "the rule has no type" : "\"" + type
                    + "\" rules cannot run locally") + "; Berth scales jobs on its embedded queues.",
                    "use `type: azure-queue` with `metadata.queueName` naming a queue of the project.");
            return Optional.empty();
        }
        var metadata = YamlValues.mapping(doc, where + ".metadata", YamlValues.get(rule, "metadata"), problems);
        Fields.warnUnknown(doc, where + ".metadata", metadata, QUEUE_METADATA_KEYS, false, "azure-queue metadata", problems);
        var queue = YamlValues.text(doc, where + ".metadata.queueName", YamlValues.get(metadata, "queueName"), problems);
        if (queue.isEmpty() || !queue.get().matches("[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9])){2,62}")) {
            problems.error(doc, where + ".metadata.queueName", queue.map(q -> "\"" + q + "\" is not a valid queue name.")
                    .orElse("the rule names no queue."), "set `queueName:` to 3-63 lowercase letters, digits and single"
                    + " '-', e.g. `queueName: orders`.");
            return Optional.empty();
        }
        int length = queueLength(where + ".metadata.queueLength", YamlValues.get(metadata, "queueLength"));
        return length < 1 ? Optional.empty() : Optional.of(new JobSpec.QueueRule(name, queue.get(), length));
    }

    /// KEDA metadata values are strings ("5"); a bare number is accepted too. 0 after an ERROR.
    private int queueLength(String field, JsonNode value) {
        if (value == null) return DEFAULT_QUEUE_LENGTH;
        var text = value.isTextual() || value.isIntegralNumber() ? value.asText().strip() : "";
        if (text.matches("[1-9][0-9]{0,5}")) return Integer.parseInt(text);
        problems.error(doc, field, SourceParser.describe(value) + " is not a queue length.",
                "write the messages per execution as a whole number of 1 or more, e.g. `queueLength: \"5\"`.");
        return 0;
    }
}
