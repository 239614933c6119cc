package dev.berth.app.cli;

import dev.berth.runner.trigger.ProjectStorage;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;

/// Runs `berth` in-process for the storage command tests (`blob`, `queue`) and keeps what the last run
/// printed. Storage commands never need the runner, so asking for it fails the test. One test thread.
final class InProcessCli {
    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();

    int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        var cli = BerthCli.create(new CommandFactory(() -> {
            throw new AssertionError("storage commands never need the runner");
        }));
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    /// What the last run printed to standard output.
    String out() { return out.toString(); }

    /// What the last run printed to standard error.
    String err() { return err.toString(); }

    /// The project's embedded storage, as the commands open it.
    static ProjectStorage storage(Path project) throws Exception {
        return ProjectStorage.open(project.resolve(".berth"), Clock.systemUTC());
    }
}
