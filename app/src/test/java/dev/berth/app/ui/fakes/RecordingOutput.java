package dev.berth.app.ui.fakes;

import dev.berth.app.ui.run.RunOutput;
import dev.berth.visualizer.InvocationRow;
import dev.berth.visualizer.LogEntry;
import dev.berth.visualizer.ReplicaRow;

import java.util.ArrayList;
import java.util.List;

/// Remembers what a run view model published.
public final class RecordingOutput implements RunOutput {
    public final List<LogEntry> logs = new ArrayList<>();
    public final List<InvocationRow> invocations = new ArrayList<>();
    public List<ReplicaRow> replicas = List.of();
    public int clears;

    @Override public void clear() { clears++; }

    @Override public void logs(List<LogEntry> batch) { logs.addAll(batch); }

    @Override public void invocations(List<InvocationRow> batch) { invocations.addAll(batch); }

    @Override public void replicas(List<ReplicaRow> all) { replicas = all; }
}
