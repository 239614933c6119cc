package dev.berth.app.ui.diagnostics;

import dev.berth.app.ui.fx.TaskExecutor;
import dev.berth.runner.doctor.Finding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;


import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/// The Diagnostics panel: runs `berth doctor`'s checks on the task executor and holds the findings and a
/// one-line summary. FX thread only; `doctor` runs on the executor's thread, given the folder to look at
/// (the open project's, whose disk and running session matter).
public final class DiagnosticsViewModel {
    private final Function<Path, List<Finding>> doctor;
    private final TaskExecutor tasks;
    private final ObservableList<Finding> findings = FXCollections.observableArrayList();
    private final ObservableList<Finding> readOnlyFindings = FXCollections.unmodifiableObservableList(findings);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");

    private Path folder;

    public DiagnosticsViewModel(Function<Path, List<Finding>> doctor, TaskExecutor tasks, Path folder) {
        this.doctor = doctor;
        this.tasks = tasks;
        this.folder = folder;
    }

    /// The folder the next run looks at.
    public void setFolder(Path folder) { this.folder = folder; }

    /// Runs every check again; ignored while a run is in flight. The old findings stay until the new ones come.
    public void run() {
        if (running.get()) return;
        running.set(true);
        summary.set("Checking Docker, ports, images, GPU and JDK…");
        var dir = folder; // read here: the task runs on another thread
        tasks.run(() -> doctor.apply(dir), this::show, this::failed);
    }

    private void show(List<Finding> result) {
        running.set(false);
        findings.setAll(result);
        long fails = count(Finding.Status.FAIL);
        long warns = count(Finding.Status.WARN);
        summary.set(fails > 0 ? fails + " problem(s) stop Berth from running projects; " + warns + " warning(s)"
                : warns > 0 ? "Ready to run projects; " + warns + " warning(s)" : "Ready to run projects");
    }

    private void failed(Exception e) {
        running.set(false);
        findings.clear();
        summary.set("The checks could not run: " + e.getMessage());
    }

    private long count(Finding.Status status) { return findings.stream().filter(f -> f.status() == status).count(); }

    public ObservableList<Finding> findings() { return readOnlyFindings; }

    public ReadOnlyBooleanProperty runningProperty() { return running.getReadOnlyProperty(); }

    public ReadOnlyStringProperty summaryProperty() { return summary.getReadOnlyProperty(); }

    /// True when the last run found a FAIL (the summary is then shown as an error).
    public boolean unhealthy() { return count(Finding.Status.FAIL) > 0; }
}
