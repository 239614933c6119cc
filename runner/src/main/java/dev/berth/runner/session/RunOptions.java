package dev.berth.runner.session;

import dev.berth.runner.durable.DurableBackend;

/// How to run a project. `port` is the ingress port on 127.0.0.1 (7071 by default, 0 = any free port);
/// `debug` starts a single replica with JDWP listening, and lifts the function timeout; `durablePort` is
/// where the Durable Task backend listens (4001, the SDKs' default; 0 = any free port).
public record RunOptions(int port, boolean debug, int durablePort) {
    public static final int DEFAULT_PORT = 7071;

    public RunOptions(int port, boolean debug) {
        this(port, debug, DurableBackend.DEFAULT_PORT);
    }

    public static RunOptions defaults() { return new RunOptions(DEFAULT_PORT, false); }
}
