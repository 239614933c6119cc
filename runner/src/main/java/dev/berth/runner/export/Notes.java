package dev.berth.runner.export;

import dev.berth.runner.project.ProjectException;
import dev.berth.runner.project.ProjectProblem;
import dev.berth.runner.project.ProjectProblem.Severity;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/// What an export found that the user should know: ERRORs stop it (the exported file would be refused or
/// wrong), WARNINGs say what was changed, dropped or left to fill in. Confined to the exporting thread.
final class Notes {
    private final List<ProjectProblem> all = new ArrayList<>();

    void error(Path file, String field, String message, String fix) {
        all.add(new ProjectProblem(file, 0, field, message, fix, Severity.ERROR));
    }

    /// Said once, however many documents (app and jobs) it applies to.
    void warning(Path file, String field, String message, String fix) {
        var note = new ProjectProblem(file, 0, field, message, fix, Severity.WARNING);
        if (!all.contains(note)) all.add(note);
    }

    void addAll(List<ProjectProblem> problems) { all.addAll(problems); }

    List<ProjectProblem> warnings() {
        return all.stream().filter(p -> p.severity() == Severity.WARNING).toList();
    }

    /// @throws ProjectException with every ERROR, when there is one
    void throwIfErrors() throws ProjectException {
        var errors = all.stream().filter(p -> p.severity() == Severity.ERROR).toList();
        if (!errors.isEmpty()) throw new ProjectException(errors);
    }
}
