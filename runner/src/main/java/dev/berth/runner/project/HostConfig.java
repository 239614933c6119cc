package dev.berth.runner.project;

import dev.berth.runner.queue.QueueSettings;

import java.time.Duration;
import java.util.Optional;

/// The parts of host.json the runner acts on. `routePrefix` defaults to "api";
/// `functionTimeout` is empty when host.json sets none (Berth then uses 5 minutes, as the Consumption plan);
/// host.json's "-1" (no limit) is carried as [Duration#ZERO], which the ingress reads as "no timeout".
/// `handlerExecutable` is customHandler.description.defaultExecutablePath, "" when absent. `queues` is
/// `extensions.queues`, with the Functions host's defaults for what it omits; `retry` the retry policy
/// of timer triggers; `durableHub` is `extensions.durableTask.hubName` ([#DEFAULT_HUB] when absent).
public record HostConfig(String version, Optional<Duration> functionTimeout, boolean enableForwardingHttpRequest,
                         String routePrefix, String handlerExecutable, QueueSettings queues, Optional<RetryPolicy> retry,
                         String durableHub) {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);
    /// The task hub of a project whose host.json names none.
    public static final String DEFAULT_HUB = "default";

    /// A host.json without a task hub name.
    public HostConfig(String version, Optional<Duration> functionTimeout, boolean enableForwardingHttpRequest,
                      String routePrefix, String handlerExecutable, QueueSettings queues, Optional<RetryPolicy> retry) {
        this(version, functionTimeout, enableForwardingHttpRequest, routePrefix, handlerExecutable, queues, retry,
                DEFAULT_HUB);
    }

    /// A host.json without queue settings.
    public HostConfig(String version, Optional<Duration> functionTimeout, boolean enableForwardingHttpRequest,
                      String routePrefix, String handlerExecutable) {
        this(version, functionTimeout, enableForwardingHttpRequest, routePrefix, handlerExecutable,
                QueueSettings.defaults(), Optional.empty());
    }

    public Duration effectiveTimeout() { return functionTimeout.orElse(DEFAULT_TIMEOUT); }
}
