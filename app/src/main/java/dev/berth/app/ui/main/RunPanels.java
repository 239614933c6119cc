package dev.berth.app.ui.main;

import atlantafx.base.theme.Styles;
import dev.berth.app.ui.run.RunOutput;
import dev.berth.app.ui.run.RunViewModel;
import dev.berth.app.ui.scale.ScaleChartViewModel;
import dev.berth.app.ui.storage.StorageView;
import dev.berth.app.ui.storage.StorageViewModel;
import dev.berth.visualizer.InvocationRow;
import dev.berth.visualizer.InvocationTable;
import dev.berth.visualizer.LogEntry;
import dev.berth.visualizer.LogView;
import dev.berth.visualizer.ReplicaRow;
import dev.berth.visualizer.ReplicaTable;
import dev.berth.visualizer.scale.GpuChart;
import dev.berth.visualizer.scale.ScaleChart;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;

/// The bottom panels of a project window: Logs (the log view brings its own text and source filters),
/// Replicas (table, the per-revision scale chart and, for an app on GPUs, the GPU chart under it), Invocations, Storage (queue and blob explorers). Receives the run's
/// batches as its `RunOutput`. FX thread only.
public final class RunPanels extends TabPane implements RunOutput {
    /// Lines the log keeps; older ones drop off.
    static final int LOG_CAPACITY = 100_000;

    private final LogView logView = new LogView(LOG_CAPACITY);
    private final ReplicaTable replicaTable = new ReplicaTable();
    private final InvocationTable invocationTable = new InvocationTable();
    /// The log text filter `filterByFunction` set last, so clearing the selection clears only that.
    private String lastFunctionFilter;

    public RunPanels(RunViewModel run, StorageViewModel storage, Clock clock) {
        setId("runPanels");
        getStyleClass().addAll("run-panels", Styles.TABS_FLOATING);
        setTabClosingPolicy(TabClosingPolicy.UNAVAILABLE);
        logView.setId("logView");
        replicaTable.setId("replicaTable");
        invocationTable.setId("invocationTable");
        var scale = new ScaleChartViewModel(run);
        var replicaChart = new ScaleChart(scale.history(), clock, ZoneId.systemDefault());
        replicaChart.setId("replicaChart");
        var gpuChart = new GpuChart(scale.gpus(), replicaChart, clock, ZoneId.systemDefault());
        gpuChart.setId("gpuChart");
        scale.changesProperty().addListener((o, was, now) -> {
            replicaChart.refresh();
            gpuChart.refresh();
        });
        var charts = new SplitPane(replicaChart);
        charts.setOrientation(javafx.geometry.Orientation.VERTICAL);
        // An app without a GPU keeps the whole height for the scale chart.
        scale.showGpusProperty().addListener((o, was, show) -> showGpuChart(charts, gpuChart, show));
        var replicas = new SplitPane(replicaTable, new BorderPane(charts, scaleWarning(scale), null, null, null));
        replicas.setDividerPositions(0.45);
        getTabs().addAll(tab("Logs", Feather.ALIGN_LEFT, logView, "logsTab"),
                tab("Replicas", Feather.SERVER, replicas, "replicasTab"),
                tab("Invocations", Feather.ACTIVITY, invocationTable, "invocationsTab"));
        run.attach(this);
        var storageView = new StorageView(storage);
        var storageTab = tab("Storage", Feather.DATABASE, storageView, "storageTab");
        storageTab.selectedProperty().addListener((o, was, selected) -> storageView.setShowing(selected));
        getTabs().add(storageTab);
    }

    private static void showGpuChart(SplitPane charts, GpuChart gpuChart, boolean show) {
        if (show && !charts.getItems().contains(gpuChart)) {
            charts.getItems().add(gpuChart);
            charts.setDividerPositions(0.58);
        } else if (!show) {
            charts.getItems().remove(gpuChart);
        }
    }

    /// A project that Azure could never wake again says so above the chart, not only in the log.
    private static Label scaleWarning(ScaleChartViewModel scale) {
        var label = new Label();
        label.setId("scaleWarning");
        label.setWrapText(true);
        label.setMaxWidth(Double.MAX_VALUE);
        label.getStyleClass().addAll(Styles.WARNING, "scale-warning");
        label.setStyle("-fx-padding: 6 8 6 8; -fx-background-color: -color-warning-subtle;");
        label.textProperty().bind(scale.warningProperty());
        label.managedProperty().bind(label.textProperty().isNotEmpty());
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        return label;
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
}
