package dev.berth.runner.event;

import java.time.Instant;

/// A message for the user that is not tied to one replica: a project warning, the ingress address, a stop.
public record RunnerNotice(Instant at, Level level, String text) implements RunnerEvent {
    public enum Level { INFO, WARNING, ERROR }
}
