package dev.berth.runner.session;

import dev.berth.runner.project.FunctionApp;
import dev.berth.runner.replica.ReplicaTemplate;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/// Turns a project and run options into the replica template of a revision. Stateless.
final class ReplicaPlan {
    /// The JDWP port inside a replica started for debugging (the container contract in the brief).
    static final int DEBUG_PORT = 5005;
    static final String JDWP = "-agentlib:jdwp=transport=dt_socket,server=y,suspend=n,address=*:" + DEBUG_PORT;

    private ReplicaPlan() {}

    static ReplicaTemplate template(FunctionApp app, String revision, String sessionId, RunOptions options,
                                    java.util.Optional<DurableEndpoint> durable) {
        var spec = app.containerApp();
        var labels = labels(app, revision, sessionId);
        return new ReplicaTemplate(spec.name(), revision, imageTag(app, revision), labels,
                env(app, revision, sessionId, options, durable), spec.targetPort(), Math.round(spec.cpu() * 1e9),
                spec.memoryBytes(), spec.readiness(), options.debug() ? DEBUG_PORT : 0, spec.gpu());
    }

    /// The Berth labels of what a session starts for a revision (replicas, job replicas).
    static Map<String, String> labels(FunctionApp app, String revision, String sessionId) {
        return Map.of("berth.project", app.dir().toAbsolutePath().normalize().toString(), "berth.revision", revision,
                "berth.session", sessionId);
    }

    /// containerapp.yaml env first, then local.settings.json Values, which win as they do in Azure (app
    /// settings override the image's environment); then what the custom-handler contract needs, and where
    /// the durable backend is (unless the settings name another).
    static Map<String, String> env(FunctionApp app, String revision, String sessionId, RunOptions options,
                                   java.util.Optional<DurableEndpoint> durable) {
        var spec = app.containerApp();
        var env = new LinkedHashMap<>(spec.env());
        env.putAll(app.settings());
        // Berth publishes targetPort, so the handler must listen there whatever the settings say.
        env.put("FUNCTIONS_CUSTOMHANDLER_PORT", Integer.toString(spec.targetPort()));
        env.putIfAbsent("FUNCTIONS_WORKER_RUNTIME", "custom");
        if (options.port() > 0) env.putIfAbsent("WEBSITE_HOSTNAME", "localhost:" + options.port());
        env.putIfAbsent("CONTAINER_APP_NAME", spec.name());
        env.putIfAbsent("CONTAINER_APP_REVISION", revision);
        env.put("BERTH_SESSION", sessionId);
        durable.ifPresent(endpoint -> endpoint.env().forEach(env::putIfAbsent)); // settings may point elsewhere
        if (options.debug()) {
            var own = env.getOrDefault("JAVA_TOOL_OPTIONS", "").strip();
            env.put("JAVA_TOOL_OPTIONS", own.isEmpty() ? JDWP : own + " " + JDWP);
        }
        return env;
    }

    /// `berth/<revision>:latest`, reduced to what a Docker reference allows (lowercase letters, digits and
    /// dashes in the repository path component).
    static String imageTag(FunctionApp app, String revision) {
        var name = revision.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-").replaceAll("^-+|-+$", "");
        return "berth/" + (name.isEmpty() ? "app" : name) + ":latest";
    }

    /// One replica when debugging (a debugger attaches to one JVM; no autoscaler runs then). Otherwise
    /// minReplicas, but at least one even at minReplicas 0: as a new revision in Container Apps, the first
    /// replica shows the image starts, and the autoscaler scales it to zero after its cooldownPeriod.
    static int initialReplicas(FunctionApp app, RunOptions options) {
        return options.debug() ? 1 : Math.max(1, app.containerApp().minReplicas());
    }
}
