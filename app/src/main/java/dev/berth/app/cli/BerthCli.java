package dev.berth.app.cli;

import picocli.CommandLine;

/// Builds the `berth` command line as Main runs it, so tests parse exactly what users type. Stateless.
public final class BerthCli {
    private BerthCli() {}

    public static CommandLine create(CommandLine.IFactory factory) {
        var cli = new CommandLine(new BerthCommand(), factory);
        // `@file` means "this file's content" to queue put and event send; picocli would otherwise
        // replace it with the file's words as extra arguments before any command sees it.
        cli.setExpandAtFiles(false);
        return cli;
    }
}
