package dev.berth.app.cli;

import dev.berth.runner.export.Export;
import dev.berth.runner.export.Exporter;
import dev.berth.runner.project.ProjectException;
import dev.berth.runner.project.ProjectProblem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/// `berth export aca|k8s <dir> [--out …]`: the project's deployable files for Azure Container Apps or for
/// Kubernetes with KEDA, from the project folder alone (no session). Documents go to standard output or to
/// files; notes (what was dropped, what to fill in) go to standard error. Runs on picocli's thread.
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write the project's Container Apps YAML or Kubernetes manifests.",
        subcommands = {ExportCommand.Aca.class, ExportCommand.K8s.class})
final class ExportCommand {
    /// What both subcommands share: the folder, the export, and how problems are printed.
    abstract static class Base implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Parameters(index = "0", paramLabel = "DIR", description = "The project folder.") Path dir;

        abstract Export export(Exporter exporter) throws ProjectException;

        abstract List<Path> write(Export export) throws IOException;

        abstract boolean toStdout();

        @Override
        public Integer call() {
            var out = spec.commandLine().getOut();
            var err = spec.commandLine().getErr();
            try {
                var export = export(new Exporter());
                if (toStdout()) {
                    out.print(export.yaml());
                } else {
                    for (var file : write(export)) out.println("Wrote " + file);
                }
                notes(err, export.notes());
                return 0;
            } catch (ProjectException e) {
                err.println("Cannot export " + dir + ":");
                e.problems().forEach(p -> err.println("  " + p.describe()));
                return 2;
            } catch (IOException e) {
                err.println("Cannot write the export: " + e.getMessage());
                return 1;
            } finally {
                out.flush();
                err.flush();
            }
        }

        private static void notes(PrintWriter err, List<ProjectProblem> notes) {
            for (var note : notes) err.println("note: " + note.describe());
        }
    }

    @Command(name = "aca", mixinStandardHelpOptions = true, description = {
            "Container Apps YAML for `az containerapp create --yaml` (and `az containerapp job create --yaml`).",
            "With --out FILE the app goes to FILE and each job to job-<name>.yaml beside it."})
    static final class Aca extends Base {
        @Option(names = "--out", paramLabel = "FILE|-", defaultValue = "-",
                description = "File for the app's YAML, or - for every document on standard output (default).") String out;

        @Override
        Export export(Exporter exporter) throws ProjectException { return exporter.aca(dir); }

        @Override
        boolean toStdout() { return out.equals("-"); }

        @Override
        List<Path> write(Export export) throws IOException {
            var file = Path.of(out);
            var folder = file.toAbsolutePath().getParent();
            Files.createDirectories(folder);
            var written = new ArrayList<Path>();
            for (var manifest : export.manifests()) {
                var target = written.isEmpty() ? file : folder.resolve(manifest.fileName());
                Files.writeString(target, Export.yaml(manifest));
                written.add(target);
            }
            return written;
        }
    }

    @Command(name = "k8s", mixinStandardHelpOptions = true, description = {
            "Kubernetes manifests: Deployment, Service, Secret, KEDA ScaledObject / HTTPScaledObject,",
            "Gateway API HTTPRoute, and a CronJob or KEDA ScaledJob per job."})
    static final class K8s extends Base {
        @Option(names = "--out", paramLabel = "FOLDER|-", defaultValue = "-",
                description = "Folder for one file per object, or - for one multi-document YAML on standard output (default).")
        String out;

        @Override
        Export export(Exporter exporter) throws ProjectException { return exporter.k8s(dir); }

        @Override
        boolean toStdout() { return out.equals("-"); }

        @Override
        List<Path> write(Export export) throws IOException { return export.writeTo(Path.of(out)); }
    }
}
