package dev.berth.runner.project;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.stream.Stream;

/// Reads every `jobs/*.yaml` of a project folder (Container Apps jobs). Without a `jobs/` folder the
/// project has no jobs. Every file is checked even after another failed. Stateless and thread-safe.
public final class JobLoader {
    static final Path FOLDER = Path.of("jobs");

    /// The project's jobs and their WARNING problems.
    public record Loaded(List<JobSpec> jobs, List<ProjectProblem> warnings) {
        public Loaded {
            jobs = List.copyOf(jobs);
            warnings = List.copyOf(warnings);
        }
    }

    /// @throws ProjectException with every ERROR problem of the job files
    public Loaded load(Path projectDir) throws ProjectException {
        var problems = new Problems();
        var jobs = new ArrayList<JobSpec>();
        var parser = new SourceParser();
        for (var file : files(projectDir, problems)) {
            parser.yaml(projectDir, file, problems).flatMap(doc -> new JobReader(doc, problems).read()).ifPresent(jobs::add);
        }
        var seen = new HashMap<String, JobSpec>();
        for (var job : jobs) {
            var previous = seen.putIfAbsent(job.name(), job);
            if (previous != null) {
                problems.error(job.file(), 0, "name", "the job name \"" + job.name() + "\" is also used by "
                        + previous.file().toString().replace('\\', '/') + ".", "give each job its own `name:`.");
            }
        }
        if (problems.hasErrors()) throw new ProjectException(problems.errors());
        return new Loaded(jobs, problems.warnings());
    }

    private static List<Path> files(Path projectDir, Problems problems) {
        var folder = projectDir.resolve(FOLDER);
        if (!Files.isDirectory(folder)) return List.of();
        try (Stream<Path> children = Files.list(folder)) {
            return children.filter(Files::isRegularFile)
                    .map(p -> p.getFileName().toString())
                    .filter(name -> name.endsWith(".yaml") || name.endsWith(".yml"))
                    .sorted()
                    .map(FOLDER::resolve)
                    .toList();
        } catch (IOException e) {
            problems.error(FOLDER, 0, "", "cannot list the jobs folder: " + e.getMessage() + ".",
                    "check that you may read the folder.");
            return List.of();
        }
    }
}
