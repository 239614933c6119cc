package dev.berth.app.ui.main;

import dev.berth.app.ui.run.DockerStatusViewModel;
import dev.berth.app.ui.run.RunViewModel;

import java.nio.file.Path;

/// One open project: its folder, Docker's state and the project's run. Checks Docker when created.
/// FX thread only.
public final class MainViewModel {
    private final Path projectDir;
    private final DockerStatusViewModel docker;
    private final RunViewModel run;

    public MainViewModel(Path projectDir, DockerStatusViewModel docker, RunViewModel run) {
        this.projectDir = projectDir;
        this.docker = docker;
        this.run = run;
        docker.check();
    }

    public Path projectDir() { return projectDir; }

    public String projectName() {
        var name = projectDir.getFileName();
        return name == null ? projectDir.toString() : name.toString();
    }

    public String windowTitle() { return projectName() + " — Berth"; }

    public DockerStatusViewModel docker() { return docker; }

    public RunViewModel run() { return run; }

    /// The window closes or another project opens: stop what runs.
    public void dispose() { run.dispose(); }
}
