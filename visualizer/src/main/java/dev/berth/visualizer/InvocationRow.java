package dev.berth.visualizer;

import java.time.Duration;
import java.time.Instant;

/// One finished invocation as the invocation table shows it. `status` is the HTTP status (0 when
/// the call got none); `error`, `request` and `response` may be null. Immutable; any thread.
public record InvocationRow(Instant at, String id, String function, String replica, int status,
                            Duration duration, String error, String request, String response) {}
