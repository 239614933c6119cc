package dev.berth.app.ui.main;

import atlantafx.base.theme.Styles;
import dev.berth.app.ui.run.RunOutput;
import dev.berth.app.ui.run.RunViewModel;
import dev.berth.app.ui.storage.StorageView;
import dev.berth.app.ui.storage.StorageViewModel;
import dev.berth.visualizer.InvocationRow;
import dev.berth.visualizer.InvocationTable;
import dev.berth.visualizer.LogEntry;
import dev.berth.visualizer.LogView;
import dev.berth.visualizer.ReplicaCountChart;
import dev.berth.visualizer.ReplicaRow;
import dev.berth.visualizer.ReplicaTable;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.time.Instant;
import java.util.List;

/// The bottom panels of a project window: Logs (the log view brings its own text and source filters),
/// Replicas (table and count chart), Invocations, Storage (queue and blob explorers). Receives the run's
/// batches as its `RunOutput`. FX thread only.
public final class RunPanels extends TabPane implements RunOutput {
    /// Lines the log keeps; older ones drop off.
    static final int LOG_CAPACITY = 100_000;

    private final LogView logView = new LogView(LOG_CAPACITY);
    private final ReplicaTable replicaTable = new ReplicaTable();
    private final ReplicaCountChart replicaChart = new ReplicaCountChart();
    private final InvocationTable invocationTable = new InvocationTable();
    /// The log text filter `filterByFunction` set last, so clearing the selection clears only that.
    private String lastFunctionFilter;

    public RunPanels(RunViewModel run, StorageViewModel storage) {
        setId("runPanels");
        getStyleClass().addAll("run-panels", Styles.TABS_FLOATING);
        setTabClosingPolicy(TabClosingPolicy.UNAVAILABLE);
        logView.setId("logView");
        replicaTable.setId("replicaTable");
        replicaChart.setId("replicaChart");
        invocationTable.setId("invocationTable");
        var replicas = new SplitPane(replicaTable, replicaChart);
        replicas.setDividerPositions(0.62);
        getTabs().addAll(tab("Logs", Feather.ALIGN_LEFT, logView, "logsTab"),
                tab("Replicas", Feather.SERVER, replicas, "replicasTab"),
                tab("Invocations", Feather.ACTIVITY, invocationTable, "invocationsTab"));
        run.attach(this);
        var storageView = new StorageView(storage);
        var storageTab = tab("Storage", Feather.DATABASE, storageView, "storageTab");
        storageTab.selectedProperty().addListener((o, was, selected) -> storageView.setShowing(selected));
        getTabs().add(storageTab);
    }

    private static Tab tab(String title, Feather icon, javafx.scene.Node content, String id) {
        var tab = new Tab(title, content);
        tab.setGraphic(new FontIcon(icon));
        tab.setId(id);
        return tab;
    }

    /// Shows only `function`'s invocations and log lines (by its name in the text filter); null shows all
    /// again. A text filter the user typed meanwhile is left alone.
    public void filterByFunction(String function) {
        invocationTable.functionFilterProperty().set(function);
        var text = logView.textFilterProperty();
        if (function != null) text.set(function);
        else if (text.get().equals(lastFunctionFilter)) text.set("");
        lastFunctionFilter = function;
    }

    @Override public void clear() {
        logView.clear();
        invocationTable.clear();
        replicaTable.update(List.of());
    }

    @Override public void logs(List<LogEntry> batch) { logView.append(batch); }

    @Override public void invocations(List<InvocationRow> batch) { invocationTable.add(batch); }

    @Override public void replicas(List<ReplicaRow> all) { replicaTable.update(all); }

    @Override public void replicaCount(Instant at, int ready, int total) { replicaChart.record(at, ready, total); }
}
