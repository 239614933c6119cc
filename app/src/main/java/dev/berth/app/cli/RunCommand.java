package dev.berth.app.cli;

import dev.berth.runner.project.ProjectException;
import dev.berth.runner.session.RunException;
import dev.berth.runner.session.RunOptions;
import dev.berth.runner.session.RunSession;
import dev.berth.runner.session.Runner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import java.util.Locale;
import java.util.function.Supplier;

/// `berth run <dir>`: runs a project headless until Ctrl-C (or SIGTERM), then stops and removes every
/// container it started.
@Command(name = "run", description = "Run a project in containers behind the ingress, printing its events.")
public final class RunCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Parameters(index = "0", paramLabel = "DIR", description = "Project folder (with host.json).") Path dir;
    @Option(names = "--port", description = "Ingress port on 127.0.0.1 (default: ${DEFAULT-VALUE}).")
    int port = RunOptions.DEFAULT_PORT;
    @Option(names = "--durable-port", description = "Port of the Durable Task backend on 127.0.0.1 (default: ${DEFAULT-VALUE}; 0 = any free port).")
    int durablePort = dev.berth.runner.durable.DurableBackend.DEFAULT_PORT;
    @Option(names = "--debug", description = "One replica with a JDWP port for an IDE; no function timeout.")
    boolean debug;

    private final Supplier<Runner> runner;

    public RunCommand(Supplier<Runner> runner) { this.runner = runner; }

    @Override
    public Integer call() throws InterruptedException {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        var printer = new EventPrinter(out, ZoneId.systemDefault());
        // Registered before the start, which may build an image for minutes: Ctrl-C then still stops
        // whatever the start leaves running once it returns.
        var stop = new StopOnExit();
        var hook = Thread.ofPlatform().name("berth-run-stop").unstarted(stop);
        Runtime.getRuntime().addShutdownHook(hook);
        RunSession session;
        try {
            session = runner.get().start(dir, new RunOptions(port, debug, durablePort), printer);
        } catch (ProjectException e) {
            failed(stop, hook);
            err.println("Cannot run " + dir + ": the project has " + e.problems().size() + " problem(s):");
            e.problems().forEach(p -> err.println("  " + p.describe()));
            return 2;
        } catch (RunException | RuntimeException e) {
            failed(stop, hook);
            if (e instanceof RuntimeException unexpected) throw unexpected;
            err.println("Cannot run " + dir + ": " + e.getMessage());
            return 1;
        }
        stop.started(session);
        if (!stop.exiting()) printBanner(out, session);
        stop.awaitStopped();
        return 0;
    }

    private static void failed(StopOnExit stop, Thread hook) {
        stop.failed();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException exiting) {
            // Ctrl-C came during the start: the hook runs and finds nothing to close.
        }
    }

    private static void printBanner(PrintWriter out, RunSession session) {
        out.println("Serving " + session.ingressUri() + "  (Ctrl-C stops and removes the containers)");
        var prefix = session.app().host().routePrefix();
        for (var f : session.app().functions()) {
            f.httpTrigger().ifPresent(t -> out.println("  " + f.name() + ": " + (t.methods().isEmpty() ? "ANY" : String.join(",", t.methods()))
                    + " " + session.ingressUri() + "/" + prefix + (prefix.isEmpty() ? "" : "/") + t.route()
                    + "  [authLevel " + t.authLevel().name().toLowerCase(Locale.ROOT) + "]"));
        }
        session.functionKeys().forEach((name, key) -> out.println("  key " + name + ": " + key));
        session.debug().ifPresent(d -> out.println("  debug: " + d.attachHint()));
        out.flush();
    }
}
