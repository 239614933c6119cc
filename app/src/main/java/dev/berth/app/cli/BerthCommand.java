package dev.berth.app.cli;

import picocli.CommandLine.Command;

/// `berth` with a subcommand; with none, Main opens the desktop app instead.
@Command(name = "berth", mixinStandardHelpOptions = true, version = "berth 0.1.0",
        description = "Scaffold, run and watch function apps in local containers.",
        subcommands = {TemplatesCommand.class, NewCommand.class, RunCommand.class, InvokeCommand.class,
                CronCommand.class, QueueCommand.class, BlobCommand.class, EventCommand.class,
                DurableCommand.class, ScaleCommand.class, JobCommand.class, RevisionCommand.class,
                TrafficCommand.class, ExportCommand.class, DoctorCommand.class})
public final class BerthCommand {
}
