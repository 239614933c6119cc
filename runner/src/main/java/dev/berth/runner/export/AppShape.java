package dev.berth.runner.export;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.runner.project.FunctionDef;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/// The app as both exports see it: containerapp.yaml normalized (defaults made explicit, rules typed, traffic
/// checked) plus the environment from local.settings.json. `ingress` false: no ingress at all. Immutable.
record AppShape(String name, boolean ingress, int targetPort, boolean external, String transport, Traffic traffic,
                boolean multipleRevisions, Optional<String> revisionSuffix, ContainerShape container, int minReplicas,
                int maxReplicas, OptionalInt pollingInterval, OptionalInt cooldownPeriod, List<ScaleRule> rules,
                EnvPlan env) {
    static final String INGRESS = "properties.configuration.ingress";
    static final String SCALE = "properties.template.scale";
    static final List<String> TRANSPORTS = List.of("auto", "http", "http2", "tcp");
    /// The custom-handler contract: the handler listens where the ingress sends requests.
    static final String HANDLER_PORT = "FUNCTIONS_CUSTOMHANDLER_PORT";

    AppShape { rules = List.copyOf(rules); }

    static AppShape read(ProjectDocs docs, Notes notes) {
        var doc = docs.containerApp();
        var root = doc.root();
        var spec = docs.app().containerApp();
        var ingressNode = root.at("/properties/configuration/ingress");
        boolean hasHttp = docs.app().functions().stream().anyMatch(f -> f.httpTrigger().isPresent());
        boolean ingress = !ingressNode.isMissingNode() || hasHttp;
        if (ingressNode.isMissingNode() && hasHttp) {
            notes.warning(doc.file(), INGRESS, "there is no ingress, but the project has HTTP functions; the export adds "
                    + "an internal ingress on port " + spec.targetPort() + ", as Berth serves them locally.",
                    "add `ingress:` with `external: true` to make the app public, or drop the HTTP functions.");
        }
        var transport = ingressNode.path("transport").asText("auto").toLowerCase(Locale.ROOT);
        if (!TRANSPORTS.contains(transport)) {
            notes.error(doc.file(), INGRESS + ".transport", "\"" + transport + "\" is not an ingress transport.",
                    "use auto, http, http2 or tcp.");
        }
        boolean multiple = revisionsMode(doc, root.at("/properties/configuration/activeRevisionsMode"), notes);
        var traffic = Traffic.read(doc, ingressNode.path("traffic"), spec.name(), multiple, notes);
        var containers = root.at("/properties/template/containers");
        var container = ContainerShape.read(doc, containers, "properties.template.containers", spec.name(), notes);
        var scale = root.at("/properties/template/scale");
        var rules = ScaleRules.read(doc, scale.path("rules"), SCALE + ".rules", notes);
        var env = EnvPlan.of(docs.app(), doc, containers.path(0), "properties.template.containers[0]",
                Map.of(HANDLER_PORT, Integer.toString(spec.targetPort())), notes);
        durableNote(docs.app().functions(), env, notes);
        return new AppShape(spec.name(), ingress, spec.targetPort(), ingressNode.path("external").asBoolean(false),
                transport, traffic, multiple, text(root.at("/properties/template/revisionSuffix")), container,
                spec.minReplicas(), spec.maxReplicas(), integer(scale.path("pollingInterval")),
                integer(scale.path("cooldownPeriod")), rules, env);
    }

    /// The project's image as the cloud pulls it: the container's image under a registry placeholder.
    String image() { return Placeholders.image(container.image(), name); }

    /// `<app>--<revisionSuffix>`, or `<app>--latest` when no suffix is set.
    String latestRevision() { return name + "--" + revisionSuffix.orElse("latest"); }

    /// The name Kubernetes objects of the latest revision get: the app's name, or the revision's name when
    /// traffic is split and each revision needs its own Deployment and Service.
    String revisionObjectName() { return traffic.splits() ? latestRevision() : name; }

    private static boolean revisionsMode(ProjectDocs.Doc doc, JsonNode node, Notes notes) {
        var mode = node.asText("Single");
        if (!mode.equalsIgnoreCase("Single") && !mode.equalsIgnoreCase("Multiple")) {
            notes.error(doc.file(), "properties.configuration.activeRevisionsMode", "\"" + mode
                    + "\" is not a revisions mode.", "use Single or Multiple.");
        }
        return mode.equalsIgnoreCase("Multiple");
    }

    private static void durableNote(List<FunctionDef> functions, EnvPlan env, Notes notes) {
        boolean durable = functions.stream().flatMap(f -> f.bindings().stream())
                .anyMatch(b -> b.type().equals("orchestrationTrigger") || b.type().equals("durableClient"));
        if (durable && !env.has("DURABLE_TASK_SCHEDULER_CONNECTION_STRING")) {
            notes.warning(EnvPlan.SETTINGS, "Values.DURABLE_TASK_SCHEDULER_CONNECTION_STRING", "the app runs durable "
                    + "orchestrations; Berth's local backend does not travel with the export.", "create a Durable Task "
                    + "Scheduler and add DURABLE_TASK_SCHEDULER_CONNECTION_STRING to the exported env as a secret.");
        }
        var pushed = functions.stream().filter(f -> f.httpTrigger().isEmpty() && f.trigger().isPresent())
                .filter(f -> !List.of("orchestrationTrigger", "activityTrigger", "entityTrigger")
                        .contains(f.trigger().get().type()))
                .map(f -> f.name() + " (" + f.trigger().get().type() + ")").toList();
        if (!pushed.isEmpty()) {
            notes.warning(ProjectDocs.CONTAINER_APP, "", "Berth delivers the triggers of " + String.join(", ", pushed)
                    + " itself; in the cloud nothing calls these functions unless the image runs the Azure Functions host.",
                    "base the image on an Azure Functions image (mcr.microsoft.com/azure-functions/…), or start this "
                    + "work from a job or an HTTP call.");
        }
    }

    private static Optional<String> text(JsonNode node) {
        return node.isValueNode() && !node.asText().isBlank() ? Optional.of(node.asText()) : Optional.empty();
    }

    private static OptionalInt integer(JsonNode node) {
        return node.canConvertToInt() && node.isIntegralNumber() ? OptionalInt.of(node.intValue()) : OptionalInt.empty();
    }
}
