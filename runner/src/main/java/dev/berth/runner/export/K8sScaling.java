package dev.berth.runner.export;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/// A KEDA ScaledObject with the app's replica bounds, timings and triggers. An http rule (or, with ingress
/// and no rule, the http rule Container Apps adds by default) becomes an HTTPScaledObject of the KEDA HTTP
/// add-on, told not to make its own ScaledObject and fed in through an `external-push` trigger, so one
/// ScaledObject owns the Deployment. Stateless.
final class K8sScaling {
    static final String KEDA = "keda.sh/v1alpha1";
    static final String HTTP_ADDON = "http.keda.sh/v1alpha1";
    static final String SKIP_ANNOTATION = "httpscaledobject.keda.sh/skip-scaledobject-creation";
    static final String HTTP_SCALER = "keda-add-ons-http-external-scaler.keda:9090";
    static final int DEFAULT_POLLING = 30;
    static final int DEFAULT_COOLDOWN = 300;

    private K8sScaling() {}

    static List<Manifest> write(AppShape app, ProjectDocs.Doc doc, Notes notes) {
        var rules = new ArrayList<>(app.rules());
        if (rules.isEmpty() && app.ingress() && !app.transport().equals("tcp")) {
            rules.add(new ScaleRule.Http("http-default", ScaleRules.DEFAULT_CONCURRENT_REQUESTS));
        }
        if (rules.isEmpty()) return List.of();
        var out = new ArrayList<Manifest>();
        var target = app.revisionObjectName();
        var scaled = K8sPod.object(KEDA, "ScaledObject", target, Map.of(K8sPod.NAME_LABEL, app.name()));
        var spec = scaled.putObject("spec");
        spec.putObject("scaleTargetRef").put("name", target);
        spec.put("minReplicaCount", app.minReplicas()).put("maxReplicaCount", app.maxReplicas());
        spec.put("pollingInterval", app.pollingInterval().orElse(DEFAULT_POLLING));
        spec.put("cooldownPeriod", app.cooldownPeriod().orElse(DEFAULT_COOLDOWN));
        var triggers = spec.putArray("triggers");
        Optional<ScaleRule.Http> http = Optional.empty();
        for (var rule : rules) {
            if (rule instanceof ScaleRule.Http h) {
                if (http.isPresent()) {
                    notes.warning(doc.file(), ScaleRules.where(doc, h.name()), "only one http rule is exported; KEDA's HTTP add-on "
                            + "takes one target per app.", "keep one http rule.");
                    continue;
                }
                http = Optional.of(h);
                triggers.addObject().put("type", "external-push").put("name", h.name()).putObject("metadata")
                        .put("httpScaledObject", target).put("scalerAddress", HTTP_SCALER);
            } else {
                K8sTriggers.trigger(rule, app.env(), doc, notes).ifPresent(triggers::add);
            }
        }
        if (triggers.isEmpty()) return List.of();
        out.add(new Manifest("scaledobject-" + target + ".yaml", scaled));
        http.ifPresent(h -> {
            out.add(new Manifest("httpscaledobject-" + target + ".yaml", httpScaledObject(app, target, h)));
            notes.warning(doc.file(), ScaleRules.where(doc, h.name()), "the http rule needs the KEDA HTTP add-on, which counts only "
                    + "requests that pass its interceptor.", "install keda-add-ons-http and send the app's traffic "
                    + "through keda-add-ons-http-interceptor-proxy (namespace keda), e.g. from the Gateway.");
        });
        return out;
    }

    private static ObjectNode httpScaledObject(AppShape app, String target, ScaleRule.Http rule) {
        var out = K8sPod.object(HTTP_ADDON, "HTTPScaledObject", target, Map.of(K8sPod.NAME_LABEL, app.name()));
        ((ObjectNode) out.get("metadata")).putObject("annotations").put(SKIP_ANNOTATION, "true");
        var spec = out.putObject("spec");
        spec.putArray("hosts").add(K8sApp.host(app));
        spec.putObject("scaleTargetRef").put("name", target).put("kind", "Deployment").put("apiVersion", "apps/v1")
                .put("service", K8sApp.revisions(app).contains(target) ? target : app.name())
                .put("port", K8sApp.SERVICE_PORT);
        spec.putObject("replicas").put("min", app.minReplicas()).put("max", app.maxReplicas());
        spec.putObject("scalingMetric").putObject("concurrency").put("targetValue", rule.concurrentRequests());
        return out;
    }
}
