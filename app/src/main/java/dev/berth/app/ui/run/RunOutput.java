package dev.berth.app.ui.run;

import dev.berth.visualizer.InvocationRow;
import dev.berth.visualizer.LogEntry;
import dev.berth.visualizer.ReplicaRow;

import java.util.List;

/// Where a run's live data goes: the views (log view, tables, chart) implement it, tests record it. Keeps
/// the view model free of controls. Called on the FX thread only, with whole batches.
public interface RunOutput {
    void clear();

    void logs(List<LogEntry> batch);

    void invocations(List<InvocationRow> batch);

    /// Every replica of the run as it is now.
    void replicas(List<ReplicaRow> all);
}
