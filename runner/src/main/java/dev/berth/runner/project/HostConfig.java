package dev.berth.runner.project;

import java.time.Duration;
import java.util.Optional;

/// The parts of host.json the runner acts on. `routePrefix` defaults to "api";
/// `functionTimeout` is empty when host.json sets none (Berth then uses 5 minutes, as the Consumption plan);
/// host.json's "-1" (no limit) is carried as [Duration#ZERO], which the ingress reads as "no timeout".
/// `handlerExecutable` is customHandler.description.defaultExecutablePath, "" when absent.
public record HostConfig(String version, Optional<Duration> functionTimeout, boolean enableForwardingHttpRequest,
                         String routePrefix, String handlerExecutable) {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);

    public Duration effectiveTimeout() { return functionTimeout.orElse(DEFAULT_TIMEOUT); }
}
