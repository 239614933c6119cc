package dev.berth.runner.event;

import java.time.Instant;

/// A function invocation was dispatched to a replica. `trigger` is the binding type, e.g. "httpTrigger".
public record InvocationStarted(Instant at, String invocationId, String function, String replicaId,
                                String trigger, String summary) implements RunnerEvent {}
