package dev.berth.runner.project;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/// Reads containerapp.yaml (the Azure Container Apps YAML of `az containerapp create --yaml`) into a
/// [ContainerAppSpec]: name, ingress target port and replica bounds here, the first container in
/// [ContainerReader]. The file is optional; without it every value takes its default. Keys are matched
/// exactly, as the Azure CLI does. GPUs: [ContainerAppGpuReader]. Stateless apart from its parser.
final class ContainerAppReader {
    static final Path FILE = Path.of("containerapp.yaml");
    static final int DEFAULT_PORT = 8080;
    static final int DEFAULT_MIN_REPLICAS = 0;
    static final int DEFAULT_MAX_REPLICAS = 10;
    static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,30}[a-z0-9]");
    static final String FALLBACK_NAME = "berth-app";

    static final Set<String> ROOT_KEYS = Set.of("name", "location", "type", "id", "tags", "identity", "kind",
            "managedBy", "extendedLocation", "properties", "systemData", "resourceGroup");
    static final Set<String> PROPERTIES_KEYS = Set.of("managedEnvironmentId", "environmentId", "workloadProfileName",
            "configuration", "template", "provisioningState", "runningStatus", "latestRevisionName",
            "latestReadyRevisionName", "latestRevisionFqdn", "customDomainVerificationId", "outboundIpAddresses",
            "eventStreamEndpoint", "delegatedIdentities", "patchingConfiguration");
    static final Set<String> CONFIGURATION_KEYS = Set.of("activeRevisionsMode", "ingress", "secrets", "registries",
            "dapr", "maxInactiveRevisions", "service", "identitySettings", "runtime");
    static final Set<String> INGRESS_KEYS = Set.of("external", "targetPort", "exposedPort", "transport", "traffic",
            "customDomains", "allowInsecure", "ipSecurityRestrictions", "stickySessions", "clientCertificateMode",
            "corsPolicy", "additionalPortMappings", "fqdn", "targetPortHttpScheme");
    static final Set<String> TEMPLATE_KEYS = Set.of("revisionSuffix", "terminationGracePeriodSeconds",
            "initContainers", "containers", "scale", "volumes", "serviceBinds");
    static final Set<String> SCALE_KEYS = Set.of("minReplicas", "maxReplicas", "rules", "pollingInterval",
            "cooldownPeriod");

    private final SourceParser parser;

    ContainerAppReader(SourceParser parser) { this.parser = parser; }

    /// The spec, with defaults for whatever the file leaves out (and for an unreadable file, whose
    /// problems are recorded).
    /// `settings` (local.settings.json `Values`) may shorten the scale timings for demos.
    ContainerAppSpec read(Path dir, Map<String, String> settings, Problems problems) {
        var folderName = Optional.ofNullable(dir.getFileName()).map(Path::toString).orElse("");
        if (!Files.exists(dir.resolve(FILE))) return defaults(defaultName(folderName, problems), settings, problems);
        var doc = parser.yaml(dir, FILE, problems);
        if (doc.isEmpty()) return defaults(defaultName(folderName, problems), settings, problems);
        return read(doc.get(), folderName, settings, problems);
    }

    private static ContainerAppSpec defaults(String name, Map<String, String> settings, Problems problems) {
        var scale = ContainerAppScaleReader.withSettings(ContainerAppScale.of(DEFAULT_MIN_REPLICAS, DEFAULT_MAX_REPLICAS),
                settings, problems);
        var gpu = ContainerAppGpuReader.read(Optional.empty(), settings, problems);
        return new ContainerAppSpec(name, DEFAULT_PORT, DEFAULT_MIN_REPLICAS, DEFAULT_MAX_REPLICAS,
                ContainerReader.DEFAULT_CPU, ContainerReader.DEFAULT_MEMORY, Map.of(), Optional.empty(), scale, gpu);
    }

    private ContainerAppSpec read(SourceDoc doc, String folderName, Map<String, String> settings, Problems problems) {
        var root = doc.root();
        Fields.warnUnknown(doc, "", root, ROOT_KEYS, false, "containerapp.yaml", problems);
        var name = name(doc, root, folderName, problems);
        var properties = YamlValues.mapping(doc, "properties", YamlValues.get(root, "properties"), problems);
        Fields.warnUnknown(doc, "properties", properties, PROPERTIES_KEYS, false, "properties", problems);
        var configuration = child(doc, "properties", properties, "configuration", CONFIGURATION_KEYS, problems);
        var ingress = child(doc, "properties.configuration", configuration, "ingress", INGRESS_KEYS, problems);
        int port = YamlValues.integer(doc, "properties.configuration.ingress.targetPort",
                YamlValues.get(ingress, "targetPort"), 1, 65535, problems).orElse(DEFAULT_PORT);
        var template = child(doc, "properties", properties, "template", TEMPLATE_KEYS, problems);
        var container = new ContainerReader(doc, port, problems).read(YamlValues.get(template, "containers"));
        var scale = child(doc, "properties.template", template, "scale", SCALE_KEYS, problems);
        var replicas = replicas(doc, scale, problems);
        var scaling = ContainerAppScaleReader.read(doc, scale, replicas[0], replicas[1], settings, problems);
        var gpu = ContainerAppGpuReader.read(ContainerAppGpuReader.profile(doc, properties, problems), settings, problems);
        warnIdleGpuRules(doc, scaling, gpu, problems);
        return new ContainerAppSpec(name, port, replicas[0], replicas[1], container.cpu(), container.memoryBytes(),
                container.env(), container.readiness(), scaling, gpu);
    }

    /// A GPU rule in an app whose replicas get no GPU reads 0 % for ever: say so rather than never scale.
    private static void warnIdleGpuRules(SourceDoc doc, ContainerAppScale scaling, ContainerAppGpu gpu, Problems problems) {
        if (gpu.requested()) return;
        scaling.rules().stream().filter(r -> r instanceof ContainerAppScale.Utilization u
                        && u.resource() == ContainerAppScale.Resource.GPU)
                .forEach(rule -> problems.warning(doc, "properties.template.scale.rules", "rule \"" + rule.name()
                        + "\" scales on GPU utilisation, but the app's replicas get no GPU"
                        + ", so it never proposes a replica.", "give the app a GPU workload profile (properties."
                        + "workloadProfileName: Consumption-GPU-NC8as-T4) or BERTH_GPU_COUNT in local.settings.json, or "
                        + "remove the rule (with BERTH_GPU=off, expect this)."));
    }

    private static JsonNode child(SourceDoc doc, String parentField, JsonNode parent, String key, Set<String> known,
                                  Problems problems) {
        var field = parentField + "." + key;
        var node = YamlValues.mapping(doc, field, YamlValues.get(parent, key), problems);
        Fields.warnUnknown(doc, field, node, known, false, key, problems);
        return node;
    }

    private static String name(SourceDoc doc, JsonNode root, String folderName, Problems problems) {
        var written = YamlValues.text(doc, "name", YamlValues.get(root, "name"), problems);
        if (written.isEmpty()) return defaultName(folderName, problems);
        var name = written.get();
        if (!isValidName(name)) {
            problems.error(doc, "name", "\"" + name + "\" is not a valid Container Apps name.", "use 2 to 32 "
                    + "lowercase letters, digits and '-', starting with a letter, not ending with '-' and without "
                    + "'--', e.g. \"" + sanitize(name) + "\".");
        }
        return name;
    }

    static boolean isValidName(String name) { return NAME.matcher(name).matches() && !name.contains("--"); }

    /// The folder name lower-cased; made valid (with a WARNING) when the folder name is no valid app name,
    /// so that a project without containerapp.yaml still runs.
    private static String defaultName(String folderName, Problems problems) {
        var lower = folderName.toLowerCase(Locale.ROOT);
        if (isValidName(lower)) return lower;
        var name = sanitize(folderName);
        problems.warning(FILE, 0, "name", "no app name is set and the folder name \"" + folderName
                + "\" is not a valid Container Apps name; Berth uses \"" + name + "\".",
                "set `name: " + name + "` in containerapp.yaml.");
        return name;
    }

    static String sanitize(String raw) {
        var name = raw.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-").replaceAll("-{2,}", "-")
                .replaceAll("^[^a-z]+", "");
        if (name.length() > 32) name = name.substring(0, 32);
        name = name.replaceAll("-+$", "");
        return isValidName(name) ? name : FALLBACK_NAME;
    }

    private static int[] replicas(SourceDoc doc, JsonNode scale, Problems problems) {
        var minField = "properties.template.scale.minReplicas";
        var maxField = "properties.template.scale.maxReplicas";
        var min = YamlValues.integer(doc, minField, YamlValues.get(scale, "minReplicas"), 0, Integer.MAX_VALUE, problems);
        var max = YamlValues.integer(doc, maxField, YamlValues.get(scale, "maxReplicas"), 1, Integer.MAX_VALUE, problems);
        int low = min.orElse(DEFAULT_MIN_REPLICAS);
        int high = max.orElse(Math.max(DEFAULT_MAX_REPLICAS, low));
        if (low > high) {
            problems.error(doc, min.isPresent() ? minField : maxField, "minReplicas (" + low
                    + ") is greater than maxReplicas (" + high + ").", "lower minReplicas or raise maxReplicas so that "
                    + "0 ≤ minReplicas ≤ maxReplicas.");
        }
        return new int[] {low, high};
    }
}
