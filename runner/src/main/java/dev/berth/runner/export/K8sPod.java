package dev.berth.runner.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;

/// Kubernetes pieces shared by apps and jobs: object metadata, the container (env from a Secret for
/// secret settings, requests = limits from the template's resources, probes as written — Container Apps
/// probes are Kubernetes probes), and the Secret with placeholder values. Stateless.
final class K8sPod {
    static final String NAME_LABEL = "app.kubernetes.io/name";
    static final String REVISION_LABEL = "berth.dev/revision";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private K8sPod() {}

    static ObjectNode object(String apiVersion, String kind, String name, Map<String, String> labels) {
        var out = JSON.objectNode().put("apiVersion", apiVersion).put("kind", kind);
        var metadata = out.putObject("metadata").put("name", name);
        if (!labels.isEmpty()) {
            var l = metadata.putObject("labels");
            labels.forEach(l::put);
        }
        return out;
    }

    static String secretName(String app) { return app + "-secrets"; }

    static ObjectNode container(ContainerShape c, String image, EnvPlan env, String app, OptionalInt port) {
        var out = JSON.objectNode().put("name", c.name()).put("image", image);
        c.command().ifPresent(v -> out.set("command", v.deepCopy()));
        c.args().ifPresent(v -> out.set("args", v.deepCopy()));
        port.ifPresent(p -> out.putArray("ports").addObject().put("name", "http").put("containerPort", p));
        if (!env.env().isEmpty()) {
            var list = out.putArray("env");
            for (var e : env.env()) {
                var item = list.addObject().put("name", e.name());
                e.value().ifPresent(v -> item.put("value", v));
                e.secretRef().ifPresent(s -> item.putObject("valueFrom").putObject("secretKeyRef")
                        .put("name", secretName(app)).put("key", s));
            }
        }
        var resources = out.putObject("resources");
        for (var bound : List.of("requests", "limits")) {
            resources.putObject(bound).put("cpu", c.cpu().toPlainString()).put("memory", c.memory());
        }
        for (var probe : c.probes()) {
            var copy = probe.deepCopy();
            var type = copy.remove("type").asText();
            out.set(type.toLowerCase(Locale.ROOT) + "Probe", copy);
        }
        return out;
    }

    /// The Secret holding every secret the containers refer to, each with a placeholder value.
    static ObjectNode secret(String app, List<EnvPlan> envs, JsonNode fileSecrets) {
        var values = new LinkedHashMap<String, String>();
        for (var secret : fileSecrets) {
            var name = secret.path("name").asText();
            values.put(name, EnvPlan.placeholder("secret " + name));
        }
        envs.forEach(env -> env.secrets().forEach(s -> values.put(s.name(), s.placeholder())));
        var out = object("v1", "Secret", secretName(app), Map.of(NAME_LABEL, app));
        out.put("type", "Opaque");
        var data = out.putObject("stringData");
        values.forEach(data::put);
        return out;
    }

    static boolean needsSecret(List<EnvPlan> envs) {
        return envs.stream().anyMatch(e -> e.env().stream().anyMatch(v -> v.secretRef().isPresent()));
    }
}
