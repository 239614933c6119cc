package dev.berth.runner.project;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/// Reads one `jobs/<name>.yaml`, the YAML of `az containerapp job create --yaml`, into a [JobSpec]:
/// the job's name, `properties.configuration` (trigger, timeout, retries; the trigger's own settings in
/// [JobTriggerReader]) and the first container of `properties.template`. Keys are matched exactly, as the
/// Azure CLI does; unknown keys are warnings. One instance per file; confined to the loading thread.
final class JobReader {
    static final Set<String> ROOT_KEYS = Set.of("name", "location", "type", "id", "tags", "identity", "properties",
            "systemData", "resourceGroup");
    static final Set<String> PROPERTIES_KEYS = Set.of("environmentId", "managedEnvironmentId", "workloadProfileName",
            "configuration", "template", "provisioningState", "runningState", "eventStreamEndpoint");
    static final Set<String> CONFIGURATION_KEYS = Set.of("triggerType", "replicaTimeout", "replicaRetryLimit",
            "manualTriggerConfig", "scheduleTriggerConfig", "eventTriggerConfig", "secrets", "registries",
            "identitySettings");
    static final Set<String> TEMPLATE_KEYS = Set.of("containers", "initContainers", "volumes");
    static final String CONFIGURATION = "properties.configuration";
    static final String CONTAINER = "properties.template.containers[0]";

    private final SourceDoc doc;
    private final Problems problems;

    JobReader(SourceDoc doc, Problems problems) {
        this.doc = doc;
        this.problems = problems;
    }

    /// The job, or empty when an ERROR leaves nothing to run.
    Optional<JobSpec> read() {
        int before = problems.errors().size();
        var root = doc.root();
        Fields.warnUnknown(doc, "", root, ROOT_KEYS, false, "the job", problems);
        var name = name(root);
        var properties = YamlValues.mapping(doc, "properties", YamlValues.get(root, "properties"), problems);
        Fields.warnUnknown(doc, "properties", properties, PROPERTIES_KEYS, false, "properties", problems);
        var configuration = YamlValues.mapping(doc, CONFIGURATION, YamlValues.get(properties, "configuration"), problems);
        Fields.warnUnknown(doc, CONFIGURATION, configuration, CONFIGURATION_KEYS, false, "configuration", problems);
        if (configuration == null) {
            problems.error(doc, CONFIGURATION, "the job has no configuration.", "add `properties:` / `configuration:` "
                    + "with `triggerType: Manual` and `replicaTimeout: 300`.");
            return Optional.empty();
        }
        var trigger = trigger(configuration);
        var timeout = timeout(configuration);
        int retries = YamlValues.integer(doc, CONFIGURATION + ".replicaRetryLimit",
                YamlValues.get(configuration, "replicaRetryLimit"), 0, 100, problems).orElse(0);
        var container = container(properties);
        if (trigger.isEmpty() || timeout.isEmpty()) return Optional.empty();
        var settings = new JobTriggerReader(doc, problems).read(trigger.get(), configuration);
        if (problems.errors().size() > before || settings.isEmpty()) return Optional.empty();
        var s = settings.get();
        return Optional.of(new JobSpec(name, doc.file(), trigger.get(), timeout.get(), retries, s.parallelism(),
                s.completionCount(), s.cron(), s.event(), container));
    }

    /// `name` when set, else the file name without `.yaml`; the job is addressed by it (`berth job start`).
    private String name(JsonNode root) {
        var file = doc.file().getFileName().toString().replaceFirst("\\.ya?ml$", "");
        var written = YamlValues.text(doc, "name", YamlValues.get(root, "name"), problems);
        var name = written.orElse(file);
        if (!ContainerAppReader.isValidName(name)) {
            problems.error(doc, written.isPresent() ? "name" : "", "\"" + name + "\" is not a valid Container Apps job "
                    + "name.", (written.isPresent() ? "set `name:` to" : "rename the file to") + " 2 to 32 lowercase "
                    + "letters, digits and '-', starting with a letter, e.g. \"" + ContainerAppReader.sanitize(name) + "\".");
        }
        return name;
    }

    private Optional<JobSpec.Trigger> trigger(JsonNode configuration) {
        var field = CONFIGURATION + ".triggerType";
        var value = YamlValues.text(doc, field, YamlValues.get(configuration, "triggerType"), problems);
        if (value.isEmpty()) {
            problems.error(doc, field, "the job has no triggerType.", "add `triggerType: Manual`, `Schedule` or `Event`.");
            return Optional.empty();
        }
        for (var trigger : JobSpec.Trigger.values()) {
            if (trigger.yaml().equalsIgnoreCase(value.get())) return Optional.of(trigger);
        }
        problems.error(doc, field, "\"" + value.get() + "\" is not a job trigger type.",
                "use Manual (started on demand), Schedule (cron) or Event (queue messages).");
        return Optional.empty();
    }

    /// Seconds; required, as the Container Apps API requires it.
    private Optional<Duration> timeout(JsonNode configuration) {
        var field = CONFIGURATION + ".replicaTimeout";
        var value = YamlValues.get(configuration, "replicaTimeout");
        if (value == null) {
            problems.error(doc, field, "the job has no replicaTimeout.", "add `replicaTimeout: 1800` (the most "
                    + "seconds a replica may run before it is stopped).");
            return Optional.empty();
        }
        var seconds = YamlValues.integer(doc, field, value, 1, Integer.MAX_VALUE, problems);
        return seconds.isPresent() ? Optional.of(Duration.ofSeconds(seconds.getAsInt())) : Optional.empty();
    }

    private JobSpec.Container container(JsonNode properties) {
        var template = YamlValues.mapping(doc, "properties.template", YamlValues.get(properties, "template"), problems);
        Fields.warnUnknown(doc, "properties.template", template, TEMPLATE_KEYS, false, "the template", problems);
        var containers = YamlValues.get(template, "containers");
        var resources = new ContainerReader(doc, ContainerAppReader.DEFAULT_PORT, problems).read(containers);
        var first = containers != null && containers.isArray() && !containers.isEmpty() && containers.get(0).isObject()
                ? containers.get(0) : null;
        var image = YamlValues.text(doc, CONTAINER + ".image", YamlValues.get(first, "image"), problems)
                .map(String::strip).filter(i -> !i.isEmpty());
        image.filter(i -> !i.equals(i.toLowerCase(Locale.ROOT)) || i.contains(" ")).ifPresent(i -> problems.error(doc,
                CONTAINER + ".image", "\"" + i + "\" is not a valid image reference.", "use a lowercase reference such "
                        + "as \"python:3.12-slim\", or remove `image` to run the project's own image."));
        var command = strings(CONTAINER + ".command", YamlValues.get(first, "command"));
        var args = strings(CONTAINER + ".args", YamlValues.get(first, "args"));
        return new JobSpec.Container(image, command, args, resources.env(), resources.cpu(), resources.memoryBytes());
    }

    private List<String> strings(String field, JsonNode list) {
        var out = new ArrayList<String>();
        if (list == null) return out;
        if (!list.isArray()) {
            problems.error(doc, field, "expected a list of strings, found " + SourceParser.describe(list) + ".",
                    "write it as a list, e.g. `[\"python3\", \"report.py\"]`.");
            return out;
        }
        for (int i = 0; i < list.size(); i++) {
            var item = list.get(i);
            if (item.isTextual() || item.isNumber() || item.isBoolean()) {
                out.add(item.asText());
            } else {
                problems.error(doc, SourceDoc.item(field, i), "expected a string, found " + SourceParser.describe(item)
                        + ".", "quote the item, e.g. \"--verbose\".");
            }
        }
        return out;
    }
}
