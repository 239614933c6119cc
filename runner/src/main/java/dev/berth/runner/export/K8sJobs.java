package dev.berth.runner.export;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;
import java.util.OptionalInt;

/// A Container Apps job in Kubernetes. An Event job is a KEDA ScaledJob (its rules as triggers). A
/// Schedule job is a CronJob in UTC, as Container Apps reads its cron, because KEDA's cron scaler keeps
/// replicas up during a window rather than starting one run. A Manual job is a suspended CronJob, started
/// with `kubectl create job --from=cronjob/<name>`. In all three, `replicaTimeout` is the pod's
/// `activeDeadlineSeconds` (it limits each replica, as in Container Apps) and `replicaRetryLimit` the
/// Job's `backoffLimit`. Stateless.
final class K8sJobs {
    /// A valid schedule that a suspended CronJob never uses.
    static final String NEVER = "0 0 1 1 *";

    private K8sJobs() {}

    static Manifest write(JobShape job, String projectImage, String app, Notes notes) {
        var labels = Map.of(K8sPod.NAME_LABEL, app, "berth.dev/job", job.name());
        var jobSpec = JsonNodeFactory.instance.objectNode();
        jobSpec.put("parallelism", job.parallelism()).put("completions", job.completions())
                .put("backoffLimit", job.retryLimit());
        var template = jobSpec.putObject("template");
        var podLabels = template.putObject("metadata").putObject("labels");
        labels.forEach(podLabels::put);
        var pod = template.putObject("spec").put("restartPolicy", "Never").put("activeDeadlineSeconds", job.replicaTimeout());
        pod.putArray("containers").add(K8sPod.container(job.container(), job.image(projectImage), job.env(), app,
                OptionalInt.empty()));
        if (job.triggerType().equals("Event")) {
            return new Manifest("scaledjob-" + job.name() + ".yaml", scaledJob(job, labels, jobSpec, notes));
        }
        var cron = K8sPod.object("batch/v1", "CronJob", job.name(), labels);
        var spec = cron.putObject("spec");
        spec.put("schedule", job.cron().orElse(NEVER)).put("timeZone", "Etc/UTC");
        if (job.triggerType().equals("Manual")) {
            spec.put("suspend", true);
            notes.warning(job.doc().file(), "properties.configuration.triggerType", "Manual job " + job.name()
                    + " is exported as a suspended CronJob.", "start a run with `kubectl create job --from=cronjob/"
                    + job.name() + " " + job.name() + "-1`.");
        }
        spec.put("concurrencyPolicy", "Allow");
        spec.putObject("jobTemplate").set("spec", jobSpec);
        return new Manifest("cronjob-" + job.name() + ".yaml", cron);
    }

    private static ObjectNode scaledJob(JobShape job, Map<String, String> labels, ObjectNode jobSpec, Notes notes) {
        var out = K8sPod.object(K8sScaling.KEDA, "ScaledJob", job.name(), labels);
        var spec = out.putObject("spec");
        spec.set("jobTargetRef", jobSpec);
        spec.put("pollingInterval", job.pollingInterval());
        spec.put("minReplicaCount", job.minExecutions()).put("maxReplicaCount", job.maxExecutions());
        var triggers = spec.putArray("triggers");
        for (var rule : job.rules()) K8sTriggers.trigger(rule, job.env(), job.doc(), notes).ifPresent(triggers::add);
        return out;
    }
}
