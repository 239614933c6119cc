package dev.berth.runner.doctor;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/// The ports a run binds by default on 127.0.0.1: the ingress (7071) and the durable backend (4001). A port
/// held by this project's own running Berth session is fine; anything else makes `berth run` fail to start.
final class PortCheck implements Check {
    private final HostProbe host;
    private final Path projectDir;
    private final Function<Path, Optional<URI>> sessions;
    private final int ingressPort;
    private final int durablePort;

    /// `sessions` finds the ingress of the session running `projectDir` (RunFile::ingressOf).
    PortCheck(HostProbe host, Path projectDir, Function<Path, Optional<URI>> sessions, int ingressPort, int durablePort) {
        this.host = host;
        this.projectDir = projectDir;
        this.sessions = sessions;
        this.ingressPort = ingressPort;
        this.durablePort = durablePort;
    }

    @Override
    public List<Finding> run(EngineState engine) {
        var session = sessions.apply(projectDir);
        // The run file names the ingress only; a running session holds its durable port too (4001 unless told).
        var ingressOwner = session.filter(uri -> uri.getPort() == ingressPort);
        return List.of(
                port("Port " + ingressPort + " (ingress)", ingressPort, ingressOwner, "--port 0 (any free port)"),
                port("Port " + durablePort + " (durable)", durablePort, session, "--durable-port 0 (any free port)"));
    }

    private Finding port(String name, int port, Optional<URI> owner, String option) {
        if (host.portFree(port)) return Finding.ok(name, "free on 127.0.0.1");
        if (owner.isPresent()) {
            return Finding.ok(name, "in use by the running Berth session of " + projectDir + " (" + owner.get() + ")");
        }
        return Finding.warn(name, "127.0.0.1:" + port + " is taken by another program",
                "stop it (ss -ltnp 'sport = :" + port + "' or lsof -i :" + port + " shows which), "
                        + "or run with " + option);
    }
}
