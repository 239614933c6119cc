package dev.berth.app.ui.main;

import dev.berth.editor.Diagnostic;
import dev.berth.editor.check.Validator;
import dev.berth.runner.project.ProjectLoader;
import dev.berth.runner.project.ProjectProblem;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/// The runner's own checks of function.json and host.json, as editor validators: what `berth run` would
/// refuse (unknown binding types, missing queueName/path/schedule, bad cron, bad authLevel, two triggers,
/// host.json version, functionTimeout, extensions.queues ranges) is marked while the file is typed.
/// Stateless; the validators are pure and run on the editor's analysis thread.
final class ProjectFileChecks {
    private ProjectFileChecks() {}

    /// The checks for `file`, when Berth knows its rules.
    static Optional<Validator> forFile(Path file) {
        var name = file.getFileName() == null ? "" : file.getFileName().toString();
        if (name.equals("host.json")) return Optional.of(text -> diagnostics(ProjectLoader.checkHostJson(text)));
        if (!name.equals("function.json")) return Optional.empty();
        // The folder name is the function name, which the checks validate too.
        var parent = file.getParent() == null ? null : file.getParent().getFileName();
        var folder = parent == null ? "function" : parent.toString();
        return Optional.of(text -> diagnostics(ProjectLoader.checkFunctionJson(folder, text)));
    }

    static List<Diagnostic> diagnostics(List<ProjectProblem> problems) {
        return problems.stream().map(ProjectFileChecks::diagnostic).toList();
    }

    /// A problem without a known line (0) is shown on the first one.
    static Diagnostic diagnostic(ProjectProblem problem) {
        var text = new StringBuilder();
        if (!problem.field().isEmpty()) text.append(problem.field()).append(": ");
        text.append(problem.message());
        if (!problem.fix().isEmpty()) text.append(" Fix: ").append(problem.fix());
        var severity = problem.severity() == ProjectProblem.Severity.ERROR
                ? Diagnostic.Severity.ERROR : Diagnostic.Severity.WARNING;
        return new Diagnostic(Math.max(1, problem.line()), 1, text.toString(), severity);
    }
}
