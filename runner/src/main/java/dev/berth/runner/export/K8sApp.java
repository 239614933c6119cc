package dev.berth.runner.export;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/// The app in Kubernetes: a Deployment of the latest revision, a Service per revision that gets traffic,
/// and Gateway API HTTPRoutes — weighted across revisions when the traffic splits, one per label on its own
/// host name. Without a split the objects are named after the app. Stateless.
final class K8sApp {
    static final int SERVICE_PORT = 80;

    private K8sApp() {}

    static List<Manifest> write(AppShape app, ProjectDocs.Doc doc, Notes notes) {
        var out = new ArrayList<Manifest>();
        out.add(new Manifest("deployment-" + app.revisionObjectName() + ".yaml", deployment(app, doc)));
        if (!app.ingress()) return out;
        var revisions = revisions(app);
        for (var revision : revisions) {
            out.add(new Manifest("service-" + revision + ".yaml", service(app, revision)));
            if (app.traffic().splits() && !revision.equals(app.latestRevision())) {
                notes.warning(doc.file(), Traffic.FIELD, "revision " + revision + " gets traffic, but its code is not "
                        + "in this folder, so no Deployment is exported for it; its Service selects pods labelled "
                        + K8sPod.REVISION_LABEL + "=" + revision + ".", "apply the export made from that revision's "
                        + "code (with revisionSuffix set) before this one.");
            }
        }
        if (app.traffic().splits() && app.revisionSuffix().isEmpty()) {
            notes.warning(doc.file(), "properties.template.revisionSuffix", "traffic is split, but no revisionSuffix is "
                    + "set; this export names the latest revision " + app.latestRevision() + ", and the next export "
                    + "replaces it.", "set `revisionSuffix: v2` (a new one for each version you deploy).");
        }
        if (app.transport().equals("tcp")) {
            notes.warning(doc.file(), AppShape.INGRESS + ".transport", "TCP ingress has no HTTPRoute; none is exported.",
                    "expose the Service with a TCPRoute or a LoadBalancer Service.");
        } else if (app.external() || app.traffic().splits()) {
            out.addAll(routes(app));
        }
        return out;
    }

    private static Map<String, String> labels(AppShape app, String revision) {
        var labels = new LinkedHashMap<String, String>();
        labels.put(K8sPod.NAME_LABEL, app.name());
        if (app.traffic().splits()) labels.put(K8sPod.REVISION_LABEL, revision);
        return labels;
    }

    private static ObjectNode deployment(AppShape app, ProjectDocs.Doc doc) {
        var labels = labels(app, app.latestRevision());
        var out = K8sPod.object("apps/v1", "Deployment", app.revisionObjectName(), labels);
        var spec = out.putObject("spec");
        spec.put("replicas", app.minReplicas() > 0 ? app.minReplicas() : 1);
        var selector = spec.putObject("selector").putObject("matchLabels");
        labels.forEach(selector::put);
        var template = spec.putObject("template");
        var podLabels = template.putObject("metadata").putObject("labels");
        labels.forEach(podLabels::put);
        var pod = template.putObject("spec");
        var grace = doc.root().at("/properties/template/terminationGracePeriodSeconds");
        if (grace.isIntegralNumber()) pod.put("terminationGracePeriodSeconds", grace.asInt());
        var port = app.ingress() ? OptionalInt.of(app.targetPort()) : OptionalInt.empty();
        pod.putArray("containers").add(K8sPod.container(app.container(), app.image(), app.env(), app.name(), port));
        return out;
    }

    /// The revisions that get a Service: the latest alone, or each one the traffic names.
    static List<String> revisions(AppShape app) {
        if (!app.traffic().splits()) return List.of(app.name());
        var names = new LinkedHashSet<String>();
        for (var t : app.traffic().targets()) names.add(t.revisionName().orElse(app.latestRevision()));
        return List.copyOf(names);
    }

    private static ObjectNode service(AppShape app, String name) {
        var out = K8sPod.object("v1", "Service", name, Map.of(K8sPod.NAME_LABEL, app.name()));
        var spec = out.putObject("spec");
        var selector = spec.putObject("selector");
        labels(app, name).forEach(selector::put);
        spec.putArray("ports").addObject().put("name", "http").put("port", SERVICE_PORT).put("targetPort", "http");
        return out;
    }

    static String host(AppShape app) { return app.name() + "." + Placeholders.DOMAIN; }

    private static List<Manifest> routes(AppShape app) {
        var out = new ArrayList<Manifest>();
        var weights = new LinkedHashMap<String, Integer>();
        for (var t : app.traffic().targets()) {
            var service = app.traffic().splits() ? t.revisionName().orElse(app.latestRevision()) : app.name();
            if (t.weight() > 0) weights.merge(service, t.weight(), Integer::sum);
        }
        out.add(new Manifest("httproute-" + app.name() + ".yaml", route(app.name(), host(app), weights, app.traffic().splits())));
        for (var t : app.traffic().targets()) {
            t.label().ifPresent(label -> out.add(new Manifest("httproute-" + app.name() + "-" + label + ".yaml",
                    route(app.name() + "-" + label, label + "." + host(app),
                            Map.of(t.revisionName().orElse(app.latestRevision()), 100), false))));
        }
        return out;
    }

    private static ObjectNode route(String name, String host, Map<String, Integer> weights, boolean weighted) {
        var out = K8sPod.object("gateway.networking.k8s.io/v1", "HTTPRoute", name, Map.of());
        var spec = out.putObject("spec");
        spec.putArray("parentRefs").addObject().put("name", Placeholders.GATEWAY);
        spec.putArray("hostnames").add(host);
        var backends = spec.putArray("rules").addObject().putArray("backendRefs");
        weights.forEach((service, weight) -> {
            var ref = backends.addObject().put("name", service).put("port", SERVICE_PORT);
            if (weighted) ref.put("weight", weight);
        });
        return out;
    }
}
