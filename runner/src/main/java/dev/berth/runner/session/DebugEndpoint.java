package dev.berth.runner.session;

/// Where an IDE attaches to a replica started for debugging (JDWP over a socket on loopback).
public record DebugEndpoint(String host, int port) {
    /// What to type into an IDE's "Remote JVM Debug" run configuration.
    public String attachHint() {
        return "Attach to " + host + ":" + port + " (JDWP, transport dt_socket, mode attach)";
    }
}
