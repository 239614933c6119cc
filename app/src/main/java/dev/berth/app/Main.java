package dev.berth.app;

import dev.berth.app.cli.BerthCli;
import dev.berth.app.cli.CommandFactory;
import dev.berth.app.ui.DesktopApp;
import dev.berth.runner.docker.DockerEngine;
import dev.berth.runner.session.LocalRunner;

import java.nio.file.Path;
import java.time.Clock;

/// Entry point: no arguments opens the desktop app; otherwise a CLI command (`berth --help`).
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        if (args.length == 0) {
            try (var composition = compose()) {
                DesktopApp.run(composition);
            }
            return;
        }
        var holder = new Object() { Composition composition; };
        var cli = BerthCli.create(new CommandFactory(() -> {
            holder.composition = compose();
            return holder.composition.runner();
        }));
        int code = cli.execute(args);
        if (holder.composition != null) holder.composition.close();
        System.exit(code);
    }

    /// The composition root: every long-lived object is built here, with constructors.
    public static Composition compose() {
        var clock = Clock.systemUTC();
        var engine = new DockerEngine();
        return new Composition(engine, new LocalRunner(engine, clock), ProjectTemplates.builtIn(), clock,
                userDir());
    }

    private static Path userDir() {
        var xdg = System.getenv("XDG_CONFIG_HOME");
        var base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return base.resolve("berth");
    }
}
