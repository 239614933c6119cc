package dev.berth.runner.project;

import java.util.List;
import java.util.stream.Collectors;

/// A project cannot run: one or more ERROR problems. The message lists every problem, one per line.
public final class ProjectException extends Exception {
    private final List<ProjectProblem> problems;

    public ProjectException(List<ProjectProblem> problems) {
        super(problems.stream().map(ProjectProblem::describe).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<ProjectProblem> problems() { return problems; }
}
