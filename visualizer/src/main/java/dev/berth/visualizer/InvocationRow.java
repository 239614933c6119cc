package dev.berth.visualizer;

import java.time.Duration;
import java.time.Instant;

/// Placeholder (the visualizer helper owns the real one): one finished invocation.
public record InvocationRow(Instant at, String id, String function, String replica, int status, Duration duration,
                            String error, String request, String response) {}
