package dev.berth.runner.session;

/// How to run a project. `port` is the ingress port on 127.0.0.1 (7071 by default, 0 = any free port);
/// `debug` starts a single replica with JDWP listening, and lifts the function timeout.
public record RunOptions(int port, boolean debug) {
    public static final int DEFAULT_PORT = 7071;

    public static RunOptions defaults() { return new RunOptions(DEFAULT_PORT, false); }
}
