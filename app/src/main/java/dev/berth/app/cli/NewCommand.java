package dev.berth.app.cli;

import dev.berth.templates.AppName;
import dev.berth.templates.Scaffolder;
import dev.berth.templates.TemplateCatalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/// `berth new <template> <dir>`: scaffolds a project.
@Command(name = "new", description = "Create a project from a template.")
final class NewCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Parameters(index = "0", paramLabel = "TEMPLATE", description = "Template id (see `berth templates`).") String templateId;
    @Parameters(index = "1", paramLabel = "DIR", description = "Folder to create.") Path dir;
    @Option(names = "--name", description = "App name (default: the folder's name).") String name;

    @Override
    public Integer call() {
        var catalog = TemplateCatalog.builtIn();
        var err = spec.commandLine().getErr();
        var template = catalog.find(templateId);
        if (template.isEmpty()) {
            err.println("No template '" + templateId + "'. Available: "
                    + catalog.list().stream().map(t -> t.id()).collect(Collectors.joining(", ")) + ".");
            return 2;
        }
        // A folder such as `MyApp` still gets a valid Container Apps name by default (`myapp`).
        var appName = name != null ? name : AppName.sanitize(dir.toAbsolutePath().normalize().getFileName().toString());
        try {
            var created = new Scaffolder().scaffold(template.get(), dir, appName);
            var out = spec.commandLine().getOut();
            out.println("Created " + created + " from " + templateId + ".");
            out.println("Run it:  ./berth run " + dir);
            out.flush();
            return 0;
        } catch (IOException e) {
            err.println(e.getMessage());
            return 1;
        }
    }
}
