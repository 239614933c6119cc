package dev.berth.app.ui.durable;

import dev.berth.runner.durable.DurableControl;
import dev.berth.visualizer.durable.OrchestratorLog;
import dev.berth.visualizer.durable.TimelineModel;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/// The instance the user opened: its status, payloads, history and timeline, read in the background (the
/// timeline is built there too, so a 50,000-event history does not stall the FX thread) and read again when
/// the backend reports a change to it; and its orchestrator's log lines, which arrive as run events and are
/// kept for the most recent [#LOGGED_INSTANCES] instances. FX thread only.
public final class InstanceViewModel {
    static final int LOGGED_INSTANCES = 200;
    static final int LOG_LINES_PER_INSTANCE = 5_000;

    private final DurableAccess access;
    private final ReadOnlyObjectWrapper<InstanceDetail> detail = new ReadOnlyObjectWrapper<>(this, "detail");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ObservableList<OrchestratorLog.Entry> logLines = FXCollections.observableArrayList();
    private final ObservableList<OrchestratorLog.Entry> logLinesView = FXCollections.unmodifiableObservableList(logLines);
    private final Map<String, OrchestratorLog> logs = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, OrchestratorLog> eldest) {
            return size() > LOGGED_INSTANCES;
        }
    };
    private final Refresher refresher = new Refresher(this::read);
    private String instanceId;
    private boolean logChanged;

    InstanceViewModel(DurableAccess access) {
        this.access = access;
    }

    /// Opens `id` (null closes the detail).
    void show(String id) {
        if (Objects.equals(id, instanceId)) return;
        instanceId = id;
        refresher.reset();
        detail.set(null);
        problem.set("");
        var log = id == null ? null : logs.get(id);
        logLines.setAll(log == null ? List.of() : log.entries());
        refresh();
    }

    /// Reads the open instance again (now, or right after the read in flight).
    public void refresh() {
        if (instanceId != null && access.availableProperty().get()) refresher.request();
    }

    /// The backend went away: forget the read in flight and what was shown.
    void clear() {
        refresher.reset();
        detail.set(null);
        logs.clear();
        logLines.clear();
    }

    String instanceId() { return instanceId; }

    /// An orchestrator log line arrived; `publishLog` shows the open instance's new lines.
    void addLog(DurableLogLine line) {
        logs.computeIfAbsent(line.instanceId(), id -> new OrchestratorLog(LOG_LINES_PER_INSTANCE))
                .add(line.at(), line.replay(), line.text());
        logChanged |= line.instanceId().equals(instanceId);
    }

    void publishLog() {
        if (!logChanged) return;
        logChanged = false;
        logLines.setAll(logs.get(instanceId).entries());
    }

    private void read(Runnable finished) {
        var id = instanceId;
        access.call((control, hub) -> load(control, hub, id), loaded -> {
            finished.run();
            if (!id.equals(instanceId)) return;
            problem.set(loaded.exists() ? "" : "Instance " + id + " no longer exists: it was purged.");
            detail.set(loaded);
        }, failure -> {
            finished.run();
            if (id.equals(instanceId)) problem.set("Reading instance " + id + " failed: " + failure.getMessage());
        });
    }

    private static InstanceDetail load(DurableControl control, String hub, String id) {
        var info = control.instance(hub, id);
        if (info.isEmpty()) return InstanceDetail.gone(id);
        var history = DurableRows.history(control.history(hub, id));
        var shown = info.get();
        return new InstanceDetail(id, DurableRows.instance(shown), shown.input(), shown.output(), shown.customStatus(),
                shown.failure().map(DurableRows::failure).orElse(null), history, TimelineModel.build(history));
    }

    /// The open instance as last read; null while none is open or its first read is under way.
    public ReadOnlyObjectProperty<InstanceDetail> detailProperty() { return detail.getReadOnlyProperty(); }

    /// Why the open instance cannot be shown ("" when it can).
    public ReadOnlyStringProperty problemProperty() { return problem.getReadOnlyProperty(); }

    /// The open instance's orchestrator log lines, replays folded in.
    public ObservableList<OrchestratorLog.Entry> logLines() { return logLinesView; }
}
