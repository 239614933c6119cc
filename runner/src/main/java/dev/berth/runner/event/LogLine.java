package dev.berth.runner.event;

import java.time.Instant;

/// One line a replica wrote. `stream` is "stdout", "stderr" or "function" (custom-handler Logs).
public record LogLine(Instant at, String replicaId, String stream, String text) implements RunnerEvent {}
