package dev.berth.runner.project;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/// One Container Apps job, read from `jobs/<name>.yaml` (the YAML of `az containerapp job create --yaml`).
/// `parallelism` replicas run at once; an execution succeeds when `completionCount` replicas exit 0. A
/// replica running past `replicaTimeout` is stopped; a failed or stopped replica is retried up to
/// `retryLimit` times. `cron` is set for [Trigger#SCHEDULE] (5 fields, UTC, as Container Apps reads it),
/// `event` for [Trigger#EVENT]. Immutable.
public record JobSpec(String name, Path file, Trigger trigger, Duration replicaTimeout, int retryLimit,
                      int parallelism, int completionCount, Optional<String> cron, Optional<EventScale> event,
                      Container container) {
    /// The schedule as the runner fires it: Container Apps' 5-field cron (minute first, UTC) read by
    /// Berth's NCRONTAB parser with a leading seconds field of 0. Empty for other triggers.
    public Optional<dev.berth.runner.timer.NcrontabExpression> schedule() {
        return cron.map(JobSpec::parseCron);
    }

    /// Parses a 5-field cron; throws [dev.berth.runner.timer.CronFormatException] when it is not one.
    static dev.berth.runner.timer.NcrontabExpression parseCron(String cron) {
        return dev.berth.runner.timer.NcrontabExpression.parse("0 " + cron.strip());
    }

    public enum Trigger {
        MANUAL("Manual"), SCHEDULE("Schedule"), EVENT("Event");

        private final String yaml;

        Trigger(String yaml) { this.yaml = yaml; }

        /// As written in the YAML (`Manual`, `Schedule`, `Event`).
        public String yaml() { return yaml; }
    }

    /// `eventTriggerConfig.scale`: how many executions the queue rules ask for, polled every
    /// `pollingInterval`, between `minExecutions` and `maxExecutions` at once.
    public record EventScale(int minExecutions, int maxExecutions, Duration pollingInterval, List<QueueRule> rules) {
        public EventScale { rules = List.copyOf(rules); }
    }

    /// An `azure-queue` scale rule on one of the project's embedded queues: one execution per
    /// `queueLength` pending messages.
    public record QueueRule(String name, String queueName, int queueLength) {}

    /// `properties.template.containers[0]`. `image` empty: the project's image, built by the session.
    /// `command` replaces the image's CMD (Berth's images have no ENTRYPOINT), followed by `args`.
    public record Container(Optional<String> image, List<String> command, List<String> args, Map<String, String> env,
                            double cpu, long memoryBytes) {
        public Container {
            command = List.copyOf(command);
            args = List.copyOf(args);
            env = Map.copyOf(env);
        }
    }
}
