package dev.berth.runner.event;

import java.time.Duration;
import java.time.Instant;

/// An invocation ended. `status` is the HTTP status seen by the caller; `error` is empty on success.
/// `request` and `response` are short, printable excerpts (first few KB) for the UI's detail view.
public record InvocationFinished(Instant at, String invocationId, String function, String replicaId,
                                 int status, Duration duration, String error,
                                 String request, String response) implements RunnerEvent {
    public boolean succeeded() { return error.isEmpty() && status < 500; }
}
