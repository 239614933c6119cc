package dev.berth.app.ui.main;

import dev.berth.app.ui.run.DockerStatusViewModel;
import dev.berth.app.ui.run.RunViewModel;
import dev.berth.app.ui.storage.StorageViewModel;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/// One open project: its folder, Docker's state and the project's run. Checks Docker when created.
/// FX thread only.
public final class MainViewModel {
    private final Path projectDir;
    private final DockerStatusViewModel docker;
    private final RunViewModel run;
    private final List<Runnable> onDispose = new ArrayList<>();

    private final StorageViewModel storage;

    public MainViewModel(Path projectDir, DockerStatusViewModel docker, RunViewModel run, StorageViewModel storage) {
        this.projectDir = projectDir;
        this.docker = docker;
        this.run = run;
        this.storage = storage;
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

    /// The queue and blob explorers.
    public StorageViewModel storage() { return storage; }

    /// `action` runs at `dispose`, e.g. the view closing its open editors.
    public void onDispose(Runnable action) { onDispose.add(action); }

    /// The window closes or another project opens: stop what runs and what the view registered.
    public void dispose() {
        run.dispose();
        storage.dispose();
        onDispose.forEach(Runnable::run);
        onDispose.clear();
    }
}
