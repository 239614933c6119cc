package dev.berth.app.cli;

import dev.berth.templates.TemplateCatalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.concurrent.Callable;

/// `berth templates`: the templates `berth new` knows.
@Command(name = "templates", description = "List the project templates.")
final class TemplatesCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        for (var t : TemplateCatalog.builtIn().list()) {
            out.printf("%-16s %-8s %-14s %s%n", t.id(), t.language(), t.trigger(), t.title());
        }
        out.flush();
        return 0;
    }
}
