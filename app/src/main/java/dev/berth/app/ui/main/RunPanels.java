package dev.berth.app.ui.main;

import atlantafx.base.theme.Styles;
import dev.berth.app.ui.run.RunOutput;
import dev.berth.app.ui.run.RunViewModel;
import dev.berth.visualizer.InvocationRow;
import dev.berth.visualizer.InvocationTable;
import dev.berth.visualizer.LogEntry;
import dev.berth.visualizer.LogView;
import dev.berth.visualizer.ReplicaCountChart;
import dev.berth.visualizer.ReplicaRow;
import dev.berth.visualizer.ReplicaTable;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.scene.control.ComboBox;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.time.Instant;
import java.util.List;

/// The bottom panels of a project window: Logs, Replicas (table and count chart), Invocations. Receives
/// the run's batches as its `RunOutput`. FX thread only.
public final class RunPanels extends TabPane implements RunOutput {
    /// Lines the log keeps; older ones drop off.
    static final int LOG_CAPACITY = 100_000;
    private static final String ALL_SOURCES = "All sources";

    private final LogView logView = new LogView(LOG_CAPACITY);
    private final ReplicaTable replicaTable = new ReplicaTable();
    private final ReplicaCountChart replicaChart = new ReplicaCountChart();
    private final InvocationTable invocationTable = new InvocationTable();

    public RunPanels(RunViewModel run) {
        setId("runPanels");
        getStyleClass().addAll("run-panels", Styles.TABS_FLOATING);
        setTabClosingPolicy(TabClosingPolicy.UNAVAILABLE);
        logView.setId("logView");
        replicaTable.setId("replicaTable");
        replicaChart.setId("replicaChart");
        invocationTable.setId("invocationTable");
        var replicas = new SplitPane(replicaTable, replicaChart);
        replicas.setDividerPositions(0.58);
        getTabs().addAll(tab("Logs", Feather.ALIGN_LEFT, logsPanel(run), "logsTab"),
                tab("Replicas", Feather.SERVER, replicas, "replicasTab"),
                tab("Invocations", Feather.ACTIVITY, invocationTable, "invocationsTab"));
        run.attach(this);
    }

    private static Tab tab(String title, Feather icon, javafx.scene.Node content, String id) {
        var tab = new Tab(title, content);
        tab.setGraphic(new FontIcon(icon));
        tab.setId(id);
        return tab;
    }

    private BorderPane logsPanel(RunViewModel run) {
        var filter = new TextField();
        filter.setId("logFilter");
        filter.setPromptText("Filter lines");
        filter.textProperty().bindBidirectional(logView.textFilterProperty());
        HBox.setHgrow(filter, Priority.ALWAYS);
        filter.setMaxWidth(360);
        var sources = FXCollections.observableArrayList(ALL_SOURCES);
        var source = new ComboBox<>(sources);
        source.setId("logSource");
        source.setValue(ALL_SOURCES);
        source.valueProperty().addListener((o, was, now) -> {
            if (now != null) logView.sourceFilterProperty().set(ALL_SOURCES.equals(now) ? null : now);
        });
        run.logSources().addListener((ListChangeListener<String>) c -> {
            var chosen = source.getValue();
            sources.setAll(ALL_SOURCES);
            sources.addAll(run.logSources());
            source.setValue(chosen != null && sources.contains(chosen) ? chosen : ALL_SOURCES);
        });
        var header = new HBox(new FontIcon(Feather.SEARCH), filter, source);
        header.getStyleClass().add("panel-header");
        return new BorderPane(logView, header, null, null, null);
    }

    @Override public void clear() {
        logView.clear();
        replicaTable.update(List.of());
    }

    @Override public void logs(List<LogEntry> batch) { logView.append(batch); }

    @Override public void invocations(List<InvocationRow> batch) { invocationTable.add(batch); }

    @Override public void replicas(List<ReplicaRow> all) { replicaTable.update(all); }

    @Override public void replicaCount(Instant at, int ready, int total) { replicaChart.record(at, ready, total); }
}
