package dev.berth.runner.project;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;

/// Collects the problems of one load, so that a user sees all of them at once rather than one per run.
/// Mutable; confined to the loading thread.
final class Problems {
    private final List<ProjectProblem> all = new ArrayList<>();

    void add(ProjectProblem problem) { all.add(problem); }

    void error(Path file, int line, String field, String message, String fix) {
        all.add(new ProjectProblem(file, line, field, message, fix, ProjectProblem.Severity.ERROR));
    }

    void warning(Path file, int line, String field, String message, String fix) {
        all.add(new ProjectProblem(file, line, field, message, fix, ProjectProblem.Severity.WARNING));
    }

    void error(SourceDoc doc, String field, String message, String fix) {
        error(doc.file(), doc.line(field), field, message, fix);
    }

    void warning(SourceDoc doc, String field, String message, String fix) {
        warning(doc.file(), doc.line(field), field, message, fix);
    }

    boolean hasErrors() { return all.stream().anyMatch(p -> p.severity() == ProjectProblem.Severity.ERROR); }

    /// Every problem, errors and warnings, by line.
    List<ProjectProblem> all() {
        return all.stream().sorted(Comparator.comparingInt(ProjectProblem::line)).toList();
    }

    List<ProjectProblem> errors() { return of(ProjectProblem.Severity.ERROR); }

    List<ProjectProblem> warnings() { return of(ProjectProblem.Severity.WARNING); }

    /// Files in the order they were read, and within a file by line, as a reader of the file expects.
    private List<ProjectProblem> of(ProjectProblem.Severity severity) {
        var fileOrder = new HashMap<Path, Integer>();
        for (var problem : all) fileOrder.putIfAbsent(problem.file(), fileOrder.size());
        return all.stream().filter(p -> p.severity() == severity)
                .sorted(Comparator.comparing((ProjectProblem p) -> fileOrder.get(p.file()))
                        .thenComparingInt(ProjectProblem::line))
                .toList();
    }
}
