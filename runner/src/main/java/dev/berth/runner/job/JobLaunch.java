package dev.berth.runner.job;

import dev.berth.runner.container.ContainerSpec;
import dev.berth.runner.project.JobSpec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/// How a session starts job replicas: the project's image (built by the session) for containers that name
/// none, the session's labels, and the environment every replica starts from (local.settings.json Values,
/// so a job reaches what the app reaches). Immutable.
public record JobLaunch(String projectImage, Map<String, String> labels, Map<String, String> env) {
    public JobLaunch {
        labels = Map.copyOf(labels);
        env = Map.copyOf(env);
    }

    /// The container of `attempt` (replica `replica` of `execution`): the base env, then the job's own
    /// env (which wins), then the variables Container Apps sets in job replicas.
    ContainerSpec spec(JobSpec job, String execution, String attempt, int replica) {
        var container = job.container();
        var vars = new LinkedHashMap<>(env);
        vars.putAll(container.env());
        vars.put("CONTAINER_APP_JOB_NAME", job.name());
        vars.put("CONTAINER_APP_JOB_EXECUTION_NAME", execution);
        vars.put("CONTAINER_APP_REPLICA_NAME", attempt);
        vars.put("BERTH_JOB_REPLICA_INDEX", Integer.toString(replica));
        var all = new HashMap<>(labels);
        all.put("berth.job", job.name());
        all.put("berth.job-execution", execution);
        var command = new ArrayList<>(container.command());
        command.addAll(container.args());
        return new ContainerSpec(container.image().orElse(projectImage), "berth-" + attempt, all, vars, List.of(),
                Math.round(container.cpu() * 1e9), container.memoryBytes(), command);
    }
}
