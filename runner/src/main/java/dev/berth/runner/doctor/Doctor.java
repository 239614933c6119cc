package dev.berth.runner.doctor;

import dev.berth.runner.build.BuildTools;
import dev.berth.runner.container.ContainerEngine;
import dev.berth.runner.container.EngineUnavailableException;
import dev.berth.runner.durable.DurableBackend;
import dev.berth.runner.gpu.CommandRunner;
import dev.berth.runner.gpu.GpuProbe;
import dev.berth.runner.session.RunFile;
import dev.berth.runner.session.RunOptions;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/// `berth doctor`: asks the engine once, then runs each check in order and collects their findings. A
/// check that throws becomes a FAIL finding rather than ending the report. Calls block (engine, host
/// programs with timeouts; a few seconds in all), so run it off the FX thread. Thread-safe when its
/// checks are; the standard ones are.
public final class Doctor {
    private final ContainerEngine engine;
    private final List<Check> checks;

    public Doctor(ContainerEngine engine, List<Check> checks) {
        this.engine = engine;
        this.checks = List.copyOf(checks);
    }

    /// Every check, on the real host, for the project in `projectDir` (the working folder on the CLI).
    public static Doctor standard(ContainerEngine engine, Path projectDir) {
        var host = HostProbe.system();
        var commands = CommandRunner.system();
        return new Doctor(engine, List.of(
                new EngineCheck(),
                new DiskCheck(host, projectDir),
                new PortCheck(host, projectDir, RunFile::ingressOf, RunOptions.DEFAULT_PORT, DurableBackend.DEFAULT_PORT),
                new ImageCheck(engine, BuildTools.localBaseImages()),
                new GpuCheck(GpuProbe.system()),
                new JdkCheck(Runtime.version(), BuildTools.javaHome(), BuildTools.maven(), commands)));
    }

    public List<Finding> run() {
        EngineState state;
        try {
            var info = engine.info();
            state = new EngineState.Reachable(info, engine.dataRoot());
        } catch (EngineUnavailableException e) {
            state = new EngineState.Unreachable(e.getMessage());
        }
        var findings = new ArrayList<Finding>();
        for (var check : checks) {
            try {
                findings.addAll(check.run(state));
            } catch (RuntimeException e) {
                findings.add(Finding.fail(check.getClass().getSimpleName(), "the check itself failed: " + e,
                        "report this as a Berth bug, with this line"));
            }
        }
        return List.copyOf(findings);
    }

    /// True when nothing FAILed (warnings allowed): `berth doctor` then exits 0.
    public static boolean healthy(List<Finding> findings) {
        return findings.stream().noneMatch(f -> f.status() == Finding.Status.FAIL);
    }
}
