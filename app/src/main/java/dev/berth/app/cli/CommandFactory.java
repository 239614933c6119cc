package dev.berth.app.cli;

import dev.berth.runner.session.Runner;
import picocli.CommandLine;

import java.util.function.Supplier;

/// Gives picocli's commands what they need from the composition root, built only when a command asks.
public final class CommandFactory implements CommandLine.IFactory {
    private final Supplier<Runner> runner;

    public CommandFactory(Supplier<Runner> runner) { this.runner = runner; }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        if (type == RunCommand.class) return type.cast(new RunCommand(runner));
        return CommandLine.defaultFactory().create(type);
    }
}
