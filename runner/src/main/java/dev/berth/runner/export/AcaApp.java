package dev.berth.runner.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.runner.export.ProjectDocs.Doc;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/// Writes the container app document of `az containerapp create --yaml`: what Berth runs made explicit,
/// Azure settings Berth does not use passed through, read-only fields dropped, secrets as placeholders.
/// Stateless.
final class AcaApp {
    static final String TYPE = "Microsoft.App/containerApps";
    /// Fields Azure reports but refuses or ignores on create.
    static final Set<String> READ_ONLY = Set.of("id", "systemData", "resourceGroup", "provisioningState",
            "runningStatus", "latestRevisionName", "latestReadyRevisionName", "latestRevisionFqdn",
            "customDomainVerificationId", "outboundIpAddresses", "eventStreamEndpoint", "fqdn");
    /// Fields the export writes itself; the rest of each mapping is passed through.
    private static final Set<String> CONFIGURATION_OWN = Set.of("activeRevisionsMode", "ingress", "secrets");
    private static final Set<String> INGRESS_OWN = Set.of("external", "targetPort", "transport", "traffic");
    private static final Set<String> TEMPLATE_OWN = Set.of("revisionSuffix", "containers", "scale");
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private AcaApp() {}

    static ObjectNode write(Doc doc, AppShape app, Notes notes) {
        var root = doc.root();
        var out = JSON.objectNode();
        out.put("name", app.name());
        out.put("type", TYPE);
        out.put("location", root.path("location").asText(Placeholders.LOCATION));
        copy(root, out, List.of("tags", "identity"));
        var properties = out.putObject("properties");
        var written = root.path("properties");
        properties.put("environmentId", written.path("environmentId").asText(
                written.path("managedEnvironmentId").asText(Placeholders.ENVIRONMENT_ID)));
        copy(written, properties, List.of("workloadProfileName"));
        configuration(doc, app, properties.putObject("configuration"));
        template(doc, app, properties.putObject("template"), notes);
        dropped(doc, root, notes);
        return out;
    }

    private static void configuration(Doc doc, AppShape app, ObjectNode out) {
        var written = doc.root().at("/properties/configuration");
        out.put("activeRevisionsMode", app.multipleRevisions() ? "Multiple" : "Single");
        if (app.ingress()) {
            var ingress = out.putObject("ingress");
            ingress.put("external", app.external());
            ingress.put("targetPort", app.targetPort());
            ingress.put("transport", app.transport());
            passThrough(written.path("ingress"), ingress, INGRESS_OWN);
            var traffic = ingress.putArray("traffic");
            for (var t : app.traffic().targets()) {
                var entry = traffic.addObject();
                t.revisionName().ifPresent(r -> entry.put("revisionName", r));
                if (t.latestRevision()) entry.put("latestRevision", true);
                entry.put("weight", t.weight());
                t.label().ifPresent(l -> entry.put("label", l));
            }
        }
        var secrets = secrets(written.path("secrets"), app.env());
        if (!secrets.isEmpty()) out.set("secrets", secrets);
        passThrough(written, out, CONFIGURATION_OWN);
    }

    /// The file's own secrets (values replaced by placeholders; Key Vault references kept) and one per
    /// secret-like setting.
    static ArrayNode secrets(JsonNode written, EnvPlan env) {
        var out = JSON.arrayNode();
        for (var secret : written) {
            var copy = ((ObjectNode) secret).deepCopy();
            if (copy.has("value")) copy.put("value", EnvPlan.placeholder("secret " + secret.path("name").asText()));
            out.add(copy);
        }
        for (var secret : env.secrets()) out.addObject().put("name", secret.name()).put("value", secret.placeholder());
        return out;
    }

    private static void template(Doc doc, AppShape app, ObjectNode out, Notes notes) {
        var written = doc.root().at("/properties/template");
        app.revisionSuffix().ifPresent(s -> out.put("revisionSuffix", s));
        var containers = out.putArray("containers");
        containers.add(container(app.container(), app.image(), app.env()));
        consumptionCheck(doc, app.container(), notes);
        var scale = out.putObject("scale");
        scale.put("minReplicas", app.minReplicas());
        scale.put("maxReplicas", app.maxReplicas());
        app.pollingInterval().ifPresent(s -> scale.put("pollingInterval", s));
        app.cooldownPeriod().ifPresent(s -> scale.put("cooldownPeriod", s));
        if (!app.rules().isEmpty()) {
            var rules = scale.putArray("rules");
            app.rules().forEach(r -> rules.add(AcaRules.rule(r, app.env(), doc, notes)));
        }
        passThrough(written, out, TEMPLATE_OWN);
    }

    /// A container of an app or job: name, `image`, command/args, resources, env, probes.
    static ObjectNode container(ContainerShape c, String image, EnvPlan env) {
        var out = JSON.objectNode();
        out.put("name", c.name());
        out.put("image", image);
        c.command().ifPresent(v -> out.set("command", v.deepCopy()));
        c.args().ifPresent(v -> out.set("args", v.deepCopy()));
        out.putObject("resources").put("cpu", c.cpu()).put("memory", c.memory());
        if (!env.env().isEmpty()) {
            var list = out.putArray("env");
            for (var e : env.env()) {
                var item = list.addObject().put("name", e.name());
                e.value().ifPresent(v -> item.put("value", v));
                e.secretRef().ifPresent(s -> item.put("secretRef", s));
            }
        }
        if (!c.probes().isEmpty()) c.probes().forEach(out.withArray("probes")::add);
        copy(c.source(), out, List.of("volumeMounts"));
        return out;
    }

    /// On the Consumption profile Azure takes only 0.25 CPU steps with twice as many GiB of memory.
    private static void consumptionCheck(Doc doc, ContainerShape c, Notes notes) {
        var quarter = new BigDecimal("0.25");
        boolean step = c.cpu().remainder(quarter).signum() == 0 && c.cpu().compareTo(new BigDecimal(4)) <= 0;
        boolean pair = c.memoryGi().filter(gi -> gi.compareTo(c.cpu().multiply(BigDecimal.TWO)) == 0).isPresent();
        if (!step || !pair) {
            notes.warning(doc.file(), "properties.template.containers[0].resources", "cpu " + c.cpu().toPlainString()
                    + " with memory " + c.memory() + " is not a Consumption profile size (0.25 CPU steps up to 4, with "
                    + "twice as many Gi of memory).", "use e.g. cpu 0.5 and memory 1Gi, or set workloadProfileName to "
                    + "a dedicated profile.");
        }
    }

    private static void dropped(Doc doc, JsonNode root, Notes notes) {
        var found = new java.util.ArrayList<String>();
        for (var key : READ_ONLY) {
            if (root.has(key)) found.add(key);
            if (root.path("properties").has(key)) found.add("properties." + key);
            if (root.at("/properties/configuration/ingress").has(key)) found.add(AppShape.INGRESS + "." + key);
        }
        if (!found.isEmpty()) {
            notes.warning(doc.file(), String.join(", ", found.stream().sorted().toList()), "left out: Azure sets "
                    + (found.size() == 1 ? "this field" : "these fields") + " itself.", "");
        }
    }

    static void copy(JsonNode from, ObjectNode to, List<String> keys) {
        for (var key : keys) if (from.hasNonNull(key)) to.set(key, from.get(key).deepCopy());
    }

    private static void passThrough(JsonNode from, ObjectNode to, Set<String> own) {
        from.properties().forEach(e -> {
            if (!own.contains(e.getKey()) && !READ_ONLY.contains(e.getKey())) to.set(e.getKey(), e.getValue().deepCopy());
        });
    }
}
