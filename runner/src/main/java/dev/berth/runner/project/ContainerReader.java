package dev.berth.runner.project;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/// Reads `properties.template.containers[0]` of containerapp.yaml: resources, env and probes. Berth runs
/// the first container only. One instance per read; confined to the loading thread.
final class ContainerReader {
    static final double DEFAULT_CPU = 0.5;
    static final long DEFAULT_MEMORY = 1L << 30;
    static final Set<String> CONTAINER_KEYS = Set.of("image", "name", "command", "args", "env", "resources", "probes",
            "volumeMounts", "imageType");
    static final Set<String> RESOURCES_KEYS = Set.of("cpu", "memory", "ephemeralStorage", "gpu");
    static final Set<String> ENV_KEYS = Set.of("name", "value", "secretRef");
    static final Set<String> PROBE_KEYS = Set.of("type", "httpGet", "tcpSocket", "periodSeconds", "initialDelaySeconds",
            "failureThreshold", "successThreshold", "timeoutSeconds", "terminationGracePeriodSeconds");
    static final Set<String> HTTP_GET_KEYS = Set.of("path", "port", "host", "scheme", "httpHeaders");
    static final Set<String> TCP_KEYS = Set.of("port", "host");
    private static final String CONTAINERS = "properties.template.containers";

    /// What the loader keeps of the container.
    record Result(double cpu, long memoryBytes, Map<String, String> env, Optional<ContainerAppSpec.Probe> readiness) {}

    private final SourceDoc doc;
    private final int targetPort;
    private final Problems problems;

    ContainerReader(SourceDoc doc, int targetPort, Problems problems) {
        this.doc = doc;
        this.targetPort = targetPort;
        this.problems = problems;
    }

    Result read(JsonNode containers) {
        var defaults = new Result(DEFAULT_CPU, DEFAULT_MEMORY, Map.of(), Optional.empty());
        if (containers == null) return defaults;
        if (!containers.isArray() || containers.isEmpty()) {
            problems.error(doc, CONTAINERS, "containers must be a list with one container, found "
                    + SourceParser.describe(containers) + ".", "write `containers:` followed by `- name: app` and its "
                    + "settings, or remove `containers` to use the defaults.");
            return defaults;
        }
        if (containers.size() > 1) {
            problems.warning(doc, CONTAINERS + "[1]", "Berth runs only the first container; the others are ignored.",
                    "move sidecars out of the template to run them separately.");
        }
        var field = CONTAINERS + "[0]";
        var container = YamlValues.mapping(doc, field, containers.get(0), problems);
        if (container == null) return defaults;
        Fields.warnUnknown(doc, field, container, CONTAINER_KEYS, false, "the container", problems);
        var resources = YamlValues.mapping(doc, field + ".resources", YamlValues.get(container, "resources"), problems);
        Fields.warnUnknown(doc, field + ".resources", resources, RESOURCES_KEYS, false, "resources", problems);
        double cpu = YamlValues.positiveNumber(doc, field + ".resources.cpu", YamlValues.get(resources, "cpu"),
                "write the number of CPU cores, e.g. `cpu: 0.5`.", problems).orElse(DEFAULT_CPU);
        long memory = memory(field + ".resources.memory", YamlValues.get(resources, "memory"));
        var env = env(field + ".env", YamlValues.get(container, "env"));
        var readiness = probes(field + ".probes", YamlValues.get(container, "probes"));
        return new Result(cpu, memory, env, readiness);
    }

    private long memory(String field, JsonNode value) {
        if (value == null) return DEFAULT_MEMORY;
        var bytes = value.isTextual() ? Memory.parse(value.asText()) : Optional.<Long>empty();
        if (bytes.isEmpty()) {
            problems.error(doc, field, SourceParser.describe(value) + " is not a memory size.",
                    "write the size with a unit, e.g. \"1Gi\", \"512Mi\" or \"1.5Gi\".");
            return DEFAULT_MEMORY;
        }
        return bytes.get();
    }

    private Map<String, String> env(String field, JsonNode list) {
        var env = new LinkedHashMap<String, String>();
        if (list == null) return env;
        if (!list.isArray()) {
            problems.error(doc, field, "env must be a list, found " + SourceParser.describe(list) + ".",
                    "write one `- name: NAME` / `value: text` pair per variable.");
            return env;
        }
        for (int i = 0; i < list.size(); i++) {
            var where = SourceDoc.item(field, i);
            var item = YamlValues.mapping(doc, where, list.get(i), problems);
            if (item == null) continue;
            Fields.warnUnknown(doc, where, item, ENV_KEYS, false, "an env entry", problems);
            var name = YamlValues.text(doc, where + ".name", YamlValues.get(item, "name"), problems);
            if (name.isEmpty() || name.get().isBlank() || name.get().contains("=")) {
                problems.error(doc, where + ".name", "the variable has no valid name.",
                        "add `name: VARIABLE_NAME` (no '=').");
                continue;
            }
            if (YamlValues.get(item, "secretRef") != null) {
                problems.warning(doc, where + ".secretRef", "secretRef is not resolved locally; " + name.get()
                        + " is not set in the replicas.", "put a local value for " + name.get()
                        + " in local.settings.json Values.");
                continue;
            }
            env.put(name.get(), YamlValues.text(doc, where + ".value", YamlValues.get(item, "value"), problems).orElse(""));
        }
        return env;
    }

    private Optional<ContainerAppSpec.Probe> probes(String field, JsonNode list) {
        if (list == null) return Optional.empty();
        if (!list.isArray()) {
            problems.error(doc, field, "probes must be a list, found " + SourceParser.describe(list) + ".",
                    "write one `- type: Readiness` entry per probe.");
            return Optional.empty();
        }
        Optional<ContainerAppSpec.Probe> readiness = Optional.empty();
        for (int i = 0; i < list.size(); i++) {
            var probe = probe(SourceDoc.item(field, i), list.get(i));
            if (probe.isPresent() && probe.get().getKey().equals("readiness")) readiness = Optional.of(probe.get().getValue());
        }
        return readiness;
    }

    /// The probe's type (lower case) and settings, or empty after an ERROR.
    private Optional<Map.Entry<String, ContainerAppSpec.Probe>> probe(String where, JsonNode value) {
        var probe = YamlValues.mapping(doc, where, value, problems);
        if (probe == null) return Optional.empty();
        Fields.warnUnknown(doc, where, probe, PROBE_KEYS, false, "a probe", problems);
        var type = YamlValues.text(doc, where + ".type", YamlValues.get(probe, "type"), problems)
                .map(t -> t.toLowerCase(Locale.ROOT)).orElse("");
        if (!Set.of("readiness", "liveness", "startup").contains(type)) {
            problems.error(doc, where + ".type", "the probe has no valid type.",
                    "set `type:` to Readiness, Liveness or Startup.");
            return Optional.empty();
        }
        var httpGet = YamlValues.mapping(doc, where + ".httpGet", YamlValues.get(probe, "httpGet"), problems);
        var tcp = YamlValues.mapping(doc, where + ".tcpSocket", YamlValues.get(probe, "tcpSocket"), problems);
        if ((httpGet == null) == (tcp == null)) {
            problems.error(doc, where, "a probe needs exactly one of httpGet and tcpSocket.",
                    "keep `httpGet: {path: /healthz, port: " + targetPort + "}` or `tcpSocket: {port: " + targetPort + "}`.");
            return Optional.empty();
        }
        var action = httpGet != null ? httpGet : tcp;
        var actionField = where + (httpGet != null ? ".httpGet" : ".tcpSocket");
        Fields.warnUnknown(doc, actionField, action, httpGet != null ? HTTP_GET_KEYS : TCP_KEYS, false, "a probe", problems);
        int port = YamlValues.integer(doc, actionField + ".port", YamlValues.get(action, "port"), 1, 65535, problems)
                .orElse(targetPort);
        var path = httpGet == null ? "" : YamlValues.text(doc, actionField + ".path", YamlValues.get(httpGet, "path"),
                problems).orElse("/");
        int period = YamlValues.integer(doc, where + ".periodSeconds", YamlValues.get(probe, "periodSeconds"),
                1, 240, problems).orElse(10);
        int delay = YamlValues.integer(doc, where + ".initialDelaySeconds", YamlValues.get(probe, "initialDelaySeconds"),
                0, 60, problems).orElse(0);
        int failures = YamlValues.integer(doc, where + ".failureThreshold", YamlValues.get(probe, "failureThreshold"),
                1, 10, problems).orElse(3);
        var probePath = httpGet == null || path.startsWith("/") ? path : "/" + path;
        var spec = new ContainerAppSpec.Probe(httpGet != null ? "http" : "tcp", probePath, port, period, delay, failures);
        return Optional.of(Map.entry(type, spec));
    }
}
