package dev.berth.runner.project;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.runner.timer.CronFormatException;
import dev.berth.runner.timer.NcrontabExpression;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/// Reads the rules and timings of `properties.template.scale` as Container Apps writes them (KEDA names
/// and defaults: `pollingInterval` 30 s, `cooldownPeriod` 300 s, `concurrentRequests` 10, `queueLength` 5),
/// then applies the demo settings of local.settings.json `Values` ([#POLLING_SETTING], [#COOLDOWN_SETTING],
/// [#HOLD_SETTING], whole seconds) that shorten them without touching the deployable file. Metadata values
/// may be quoted, as the Azure CLI requires them to be. Stateless.
final class ContainerAppScaleReader {
    static final String POLLING_SETTING = "BERTH_SCALE_POLLING_SECONDS";
    static final String COOLDOWN_SETTING = "BERTH_SCALE_COOLDOWN_SECONDS";
    static final String HOLD_SETTING = "BERTH_SCALE_HOLD_SECONDS";
    static final int DEFAULT_CONCURRENT_REQUESTS = 10;
    static final int DEFAULT_QUEUE_LENGTH = 5;
    private static final String RULES = "properties.template.scale.rules";
    private static final Set<String> RULE_KEYS = Set.of("name", "http", "azureQueue", "custom", "tcp");
    private static final Set<String> CUSTOM_TYPES = Set.of("azure-queue", "cron", "cpu", "memory", "gpu");

    private ContainerAppScaleReader() {}

    static ContainerAppScale read(SourceDoc doc, JsonNode scale, int min, int max, Map<String, String> settings,
                                  Problems problems) {
        var polling = seconds(doc, "properties.template.scale.pollingInterval", YamlValues.get(scale, "pollingInterval"),
                problems).orElse(ContainerAppScale.DEFAULT_POLLING);
        var cooldown = seconds(doc, "properties.template.scale.cooldownPeriod", YamlValues.get(scale, "cooldownPeriod"),
                problems).orElse(ContainerAppScale.DEFAULT_COOLDOWN);
        var rules = rules(doc, YamlValues.get(scale, "rules"), problems);
        return withSettings(new ContainerAppScale(min, max, polling, cooldown, ContainerAppScale.DEFAULT_HOLD, rules),
                settings, problems);
    }

    /// `scale` with the local demo settings applied (each bad one an ERROR naming local.settings.json).
    static ContainerAppScale withSettings(ContainerAppScale scale, Map<String, String> settings, Problems problems) {
        var polling = setting(settings, POLLING_SETTING, problems).orElse(scale.pollingInterval());
        var cooldown = setting(settings, COOLDOWN_SETTING, problems).orElse(scale.cooldownPeriod());
        var hold = setting(settings, HOLD_SETTING, problems).orElse(scale.holdDeadline());
        return new ContainerAppScale(scale.minReplicas(), scale.maxReplicas(), polling, cooldown, hold, scale.rules());
    }

    private static Optional<Duration> setting(Map<String, String> settings, String key, Problems problems) {
        var value = settings.get(key);
        if (value == null) return Optional.empty();
        try {
            int seconds = Integer.parseInt(value.strip());
            if (seconds >= 1 && seconds <= 86_400) return Optional.of(Duration.ofSeconds(seconds));
        } catch (NumberFormatException notNumber) {
            // reported below
        }
        problems.error(SettingsReader.FILE, 0, "Values." + key, "\"" + value + "\" is not a whole number of seconds "
                + "from 1 to 86400.", "write e.g. \"" + key + "\": \"5\", or remove it to use containerapp.yaml's value.");
        return Optional.empty();
    }

    private static Optional<Duration> seconds(SourceDoc doc, String field, JsonNode value, Problems problems) {
        var n = YamlValues.integer(doc, field, value, 1, 86_400, problems);
        return n.isPresent() ? Optional.of(Duration.ofSeconds(n.getAsInt())) : Optional.empty();
    }

    private static List<ContainerAppScale.Rule> rules(SourceDoc doc, JsonNode node, Problems problems) {
        if (node == null) return List.of();
        if (!node.isArray()) {
            problems.error(doc, RULES, "expected a list of rules, found " + SourceParser.describe(node) + ".",
                    "write each rule as `- name: …` on its own line under `rules:`.");
            return List.of();
        }
        var rules = new ArrayList<ContainerAppScale.Rule>();
        var names = new java.util.HashSet<String>();
        for (int i = 0; i < node.size(); i++) {
            var field = RULES + "[" + i + "]";
            var item = YamlValues.mapping(doc, field, node.get(i), problems);
            if (item == null) continue;
            Fields.warnUnknown(doc, field, item, RULE_KEYS, false, "a scale rule", problems);
            var name = YamlValues.text(doc, field + ".name", YamlValues.get(item, "name"), problems).orElse("");
            if (name.isBlank()) {
                problems.error(doc, field, "the rule has no `name`.", "add `name: http-rule` (any unique name).");
                name = "rule-" + i;
            } else if (!names.add(name)) {
                problems.error(doc, field + ".name", "two rules are named \"" + name + "\".", "give each rule its own name.");
            }
            rule(doc, field, name, item, problems).ifPresent(rules::add);
        }
        return rules;
    }

    private static Optional<ContainerAppScale.Rule> rule(SourceDoc doc, String field, String name, JsonNode item,
                                                         Problems problems) {
        var kinds = List.of("http", "azureQueue", "custom", "tcp").stream().filter(k -> YamlValues.get(item, k) != null).toList();
        if (kinds.size() != 1) {
            problems.error(doc, field, "rule \"" + name + "\" must have exactly one of http, azureQueue, custom or tcp"
                    + (kinds.isEmpty() ? "" : ", found " + String.join(" and ", kinds)) + ".",
                    "keep one, e.g. `http: {metadata: {concurrentRequests: \"10\"}}`.");
            return Optional.empty();
        }
        var kind = kinds.getFirst();
        var body = YamlValues.mapping(doc, field + "." + kind, YamlValues.get(item, kind), problems);
        var meta = YamlValues.mapping(doc, field + "." + kind + ".metadata", YamlValues.get(body, "metadata"), problems);
        return switch (kind) {
            case "http" -> Optional.of(new ContainerAppScale.Http(name, count(doc, field + ".http.metadata.concurrentRequests",
                    YamlValues.get(meta, "concurrentRequests"), problems).orElse(DEFAULT_CONCURRENT_REQUESTS)));
            case "azureQueue" -> queue(doc, field + ".azureQueue", name, body, problems);
            case "custom" -> custom(doc, field + ".custom", name, body, meta, problems);
            default -> {
                problems.warning(doc, field + ".tcp", "Berth does not emulate tcp scale rules; rule \"" + name
                        + "\" is ignored locally.", "keep it for Azure; use an http rule to scale locally.");
                yield Optional.empty();
            }
        };
    }

    private static Optional<ContainerAppScale.Rule> custom(SourceDoc doc, String field, String name, JsonNode body,
                                                           JsonNode meta, Problems problems) {
        var type = YamlValues.text(doc, field + ".type", YamlValues.get(body, "type"), problems).orElse("");
        var metaField = field + ".metadata";
        return switch (type) {
            case "azure-queue" -> queue(doc, metaField, name, meta, problems);
            case "cron" -> cron(doc, metaField, name, meta, problems);
            case "cpu", "memory", "gpu" -> utilization(doc, metaField, name, type, meta, problems);
            default -> {
                var fix = type.isEmpty() ? "add `type:` — one of " + Fields.list(CUSTOM_TYPES) + "."
                        : "Berth emulates " + Fields.list(CUSTOM_TYPES) + "; keep the rule for Azure, it is ignored locally.";
                if (type.isEmpty()) problems.error(doc, field + ".type", "rule \"" + name + "\" has no KEDA scaler type.", fix);
                else problems.warning(doc, field + ".type", "Berth does not emulate the KEDA scaler \"" + type + "\".", fix);
                yield Optional.empty();
            }
        };
    }

    private static Optional<ContainerAppScale.Rule> queue(SourceDoc doc, String field, String name, JsonNode node,
                                                          Problems problems) {
        var queue = YamlValues.text(doc, field + ".queueName", YamlValues.get(node, "queueName"), problems);
        int length = count(doc, field + ".queueLength", YamlValues.get(node, "queueLength"), problems)
                .orElse(DEFAULT_QUEUE_LENGTH);
        if (queue.isEmpty() || queue.get().isBlank()) {
            problems.error(doc, field + ".queueName", "queue rule \"" + name + "\" names no queue.",
                    "add `queueName: orders` (a queue of the project's storage).");
            return Optional.empty();
        }
        return Optional.of(new ContainerAppScale.Queue(name, queue.get(), length));
    }

    private static Optional<ContainerAppScale.Rule> cron(SourceDoc doc, String field, String name, JsonNode meta,
                                                         Problems problems) {
        var start = cronText(doc, field + ".start", meta, "start", problems);
        var end = cronText(doc, field + ".end", meta, "end", problems);
        var desired = count(doc, field + ".desiredReplicas", YamlValues.get(meta, "desiredReplicas"), problems);
        if (desired.isEmpty() && YamlValues.get(meta, "desiredReplicas") == null) {
            problems.error(doc, field + ".desiredReplicas", "cron rule \"" + name + "\" has no desiredReplicas.",
                    "add `desiredReplicas: \"3\"`: the replicas wanted between start and end.");
        }
        var zone = zone(doc, field + ".timezone", YamlValues.text(doc, field + ".timezone", YamlValues.get(meta, "timezone"),
                problems), problems);
        if (start.isEmpty() || end.isEmpty() || desired.isEmpty() || zone.isEmpty()) return Optional.empty();
        return Optional.of(new ContainerAppScale.Cron(name, start.get(), end.get(), desired.get(), zone.get()));
    }

    /// A 5-field cron expression (KEDA's), checked with the runner's NCRONTAB parser after a leading seconds field.
    private static Optional<String> cronText(SourceDoc doc, String field, JsonNode meta, String key, Problems problems) {
        var text = YamlValues.text(doc, field, YamlValues.get(meta, key), problems).map(String::strip);
        if (text.isEmpty()) {
            problems.error(doc, field, "the cron rule has no `" + key + "`.", "add `" + key + ": \"0 8 * * *\"` "
                    + "(minute hour day month weekday).");
            return Optional.empty();
        }
        var fields = text.get().split("\\s+").length;
        try {
            if (fields != 5) throw new CronFormatException("it has " + fields + " fields, KEDA's cron has 5");
            NcrontabExpression.parse("0 " + text.get());
            return text;
        } catch (CronFormatException e) {
            problems.error(doc, field, "\"" + text.get() + "\" is not a cron expression: " + e.getMessage() + ".",
                    "write five fields: minute hour day-of-month month day-of-week, e.g. \"0 8 * * 1-5\".");
            return Optional.empty();
        }
    }

    private static Optional<ZoneId> zone(SourceDoc doc, String field, Optional<String> text, Problems problems) {
        if (text.isEmpty()) {
            problems.error(doc, field, "the cron rule has no timezone.", "add `timezone: Europe/Berlin` (an IANA "
                    + "time zone name; `Etc/UTC` for UTC).");
            return Optional.empty();
        }
        try {
            return Optional.of(ZoneId.of(text.get().strip()));
        } catch (DateTimeException e) {
            problems.error(doc, field, "\"" + text.get() + "\" is not a time zone Berth knows.",
                    "use an IANA name such as Europe/Berlin, America/New_York or Etc/UTC.");
            return Optional.empty();
        }
    }

    private static Optional<ContainerAppScale.Rule> utilization(SourceDoc doc, String field, String name, String type,
                                                                JsonNode meta, Problems problems) {
        var metricType = YamlValues.text(doc, field + ".type", YamlValues.get(meta, "type"), problems)
                .or(() -> YamlValues.text(doc, field + ".metricType", YamlValues.get(meta, "metricType"), problems))
                .orElse("Utilization");
        if (!metricType.equals("Utilization")) {
            problems.error(doc, field + ".type", "Berth measures " + type + " as Utilization only, not \"" + metricType + "\".",
                    "write `type: Utilization` and `value: \"70\"` (percent of " + (type.equals("gpu") ? "the replica's GPUs"
                            : "the container's requested " + type) + ").");
            return Optional.empty();
        }
        var value = count(doc, field + ".value", YamlValues.get(meta, "value"), problems);
        if (value.isEmpty()) {
            if (YamlValues.get(meta, "value") == null) problems.error(doc, field + ".value", "rule \"" + name
                    + "\" has no target `value`.", "add `value: \"70\"` (percent).");
            return Optional.empty();
        }
        var resource = ContainerAppScale.Resource.valueOf(type.toUpperCase(java.util.Locale.ROOT));
        if (resource == ContainerAppScale.Resource.GPU && value.get() > 100) {
            problems.error(doc, field + ".value", "a GPU is never more than 100 % busy, so the target " + value.get()
                    + " would never be reached.", "use a percentage from 1 to 100, e.g. `value: \"70\"`.");
            return Optional.empty();
        }
        return Optional.of(new ContainerAppScale.Utilization(name, resource, value.get()));
    }

    /// A whole number ≥ 1, written bare or quoted (`"10"`).
    private static Optional<Integer> count(SourceDoc doc, String field, JsonNode value, Problems problems) {
        if (value == null) return Optional.empty();
        var text = value.isTextual() ? value.asText().strip() : value.isIntegralNumber() ? value.asText() : null;
        try {
            if (text != null && Long.parseLong(text) >= 1 && Long.parseLong(text) <= Integer.MAX_VALUE) {
                return Optional.of(Integer.parseInt(text));
            }
        } catch (NumberFormatException notNumber) {
            // reported below
        }
        problems.error(doc, field, SourceParser.describe(value) + " is not a whole number of at least 1.",
                "write a whole number, e.g. \"10\" (Container Apps quotes metadata values).");
        return Optional.empty();
    }

    /// WARNING when nothing could ever start a replica in Azure: minReplicas 0, no rule that can fire and no
    /// HTTP function (ingress traffic is what the implicit http rule scales on). Azure accepts such an app
    /// silently; Berth still wakes it for its own trigger dispatches, so the local run would mislead.
    static void checkWakeable(ContainerAppScale scale, boolean hasHttpFunctions, Problems problems) {
        if (scale.minReplicas() > 0 || hasHttpFunctions || !scale.rules().isEmpty()) return;
        problems.warning(ContainerAppReader.FILE, 0, "properties.template.scale.minReplicas", "minReplicas is 0, "
                + "there is no scale rule and no HTTP function: in Azure this app scales to zero and never starts "
                + "again (Berth still starts a replica for a trigger locally).", "set `minReplicas: 1`, or add a "
                + "scale rule for what triggers the app (e.g. azureQueue with queueName), or an HTTP function.");
    }
}
