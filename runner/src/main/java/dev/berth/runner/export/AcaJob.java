package dev.berth.runner.export;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/// Writes one job document of `az containerapp job create --yaml` (`Microsoft.App/jobs`). Stateless.
final class AcaJob {
    static final String TYPE = "Microsoft.App/jobs";

    private AcaJob() {}

    static ObjectNode write(JobShape job, String projectImage, Notes notes) {
        var root = job.doc().root();
        var out = JsonNodeFactory.instance.objectNode();
        out.put("name", job.name());
        out.put("type", TYPE);
        out.put("location", root.path("location").asText(Placeholders.LOCATION));
        AcaApp.copy(root, out, List.of("tags", "identity"));
        var properties = out.putObject("properties");
        var written = root.path("properties");
        properties.put("environmentId", written.path("environmentId").asText(
                written.path("managedEnvironmentId").asText(Placeholders.ENVIRONMENT_ID)));
        AcaApp.copy(written, properties, List.of("workloadProfileName"));
        var configuration = properties.putObject("configuration");
        configuration.put("triggerType", job.triggerType());
        configuration.put("replicaTimeout", job.replicaTimeout());
        configuration.put("replicaRetryLimit", job.retryLimit());
        var trigger = configuration.putObject(job.configKey());
        job.cron().ifPresent(c -> trigger.put("cronExpression", c));
        trigger.put("parallelism", job.parallelism());
        trigger.put("replicaCompletionCount", job.completions());
        if (job.triggerType().equals("Event")) {
            var scale = trigger.putObject("scale");
            scale.put("minExecutions", job.minExecutions()).put("maxExecutions", job.maxExecutions())
                    .put("pollingInterval", job.pollingInterval());
            var rules = scale.putArray("rules");
            job.rules().forEach(r -> rules.add(AcaRules.jobRule(r, job.env(), job.doc(), notes)));
        }
        var secrets = AcaApp.secrets(root.at("/properties/configuration/secrets"), job.env());
        if (!secrets.isEmpty()) configuration.set("secrets", secrets);
        AcaApp.copy(root.at("/properties/configuration"), configuration, List.of("registries", "identitySettings"));
        var template = properties.putObject("template");
        template.putArray("containers").add(AcaApp.container(job.container(), job.image(projectImage), job.env()));
        AcaApp.copy(root.at("/properties/template"), template, List.of("initContainers", "volumes"));
        return out;
    }
}
