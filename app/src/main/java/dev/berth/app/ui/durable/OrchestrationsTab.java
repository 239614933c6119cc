package dev.berth.app.ui.durable;

import atlantafx.base.theme.Styles;
import dev.berth.app.ui.action.Action;
import dev.berth.app.ui.action.ActionBars;
import dev.berth.visualizer.durable.BarDetail;
import dev.berth.visualizer.durable.HistoryTable;
import dev.berth.visualizer.durable.InstanceList;
import dev.berth.visualizer.durable.InstanceRow;
import dev.berth.visualizer.durable.OrchestratorLog;
import dev.berth.visualizer.durable.OrchestratorLogView;
import dev.berth.visualizer.durable.Timeline;
import dev.berth.visualizer.durable.TimelineView;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/// The "Orchestrations" tab of the run panels: the actions on top, the instance list on the left, and the
/// open instance on the right (a header, then its timeline with the clicked bar's payloads, its history, and
/// its orchestrator log), with the last action's outcome at the bottom. FX thread only.
public final class OrchestrationsTab extends Tab {
    static final String STYLESHEET = Objects.requireNonNull(OrchestrationsTab.class.getResource(
            "orchestrations.css"), "dev/berth/app/ui/durable/orchestrations.css is missing from the app").toExternalForm();
    static final String NO_INSTANCES = "No orchestration instances yet. Start one with \"Start…\" or call an HTTP starter.";

    private final OrchestrationsViewModel model;
    private final InstanceList list;
    private final TimelineView timeline;
    private final HistoryTable history;
    private final InstanceHeader header;
    private String shownInstance;

    public OrchestrationsTab(OrchestrationsViewModel model, Clock clock) {
        super("Orchestrations");
        this.model = model;
        setId("orchestrationsTab");
        setGraphic(new FontIcon(Feather.GIT_MERGE));
        var zone = ZoneId.systemDefault();
        list = new InstanceList(zone);
        list.setId("instanceList");
        timeline = new TimelineView(clock);
        timeline.setId("timelineView");
        history = new HistoryTable(zone);
        header = new InstanceHeader(zone);
        var barDetail = new BarDetail(clock, zone);
        var log = new OrchestratorLogView(zone);
        log.setId("orchestratorLog");
        bindList();
        timeline.selectedBarProperty().addListener((o, was, bar) -> {
            barDetail.show(bar);
            if (bar != null) history.select(bar.firstSequence());
        });
        model.instance().detailProperty().addListener((o, was, now) -> showDetail(now));
        model.instance().problemProperty().addListener((o, was, now) -> header.problem(now));
        model.instance().logLines().addListener((ListChangeListener<OrchestratorLog.Entry>) c ->
                log.setEntries(model.instance().logLines()));
        var chart = new SplitPane(timeline, barDetail);
        chart.setDividerPositions(0.72);
        SplitPane.setResizableWithParent(barDetail, false);
        var views = new TabPane(tab("Timeline", Feather.BAR_CHART_2, chart, "timelineTab"),
                tab("History", Feather.LIST, history, "historyTab"),
                tab("Orchestrator log", Feather.ALIGN_LEFT, log, "orchestratorLogTab"));
        views.getStyleClass().add(Styles.TABS_CLASSIC);
        views.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        var split = new SplitPane(list, new BorderPane(views, header, null, null, null));
        split.setDividerPositions(0.38);
        SplitPane.setResizableWithParent(list, false);
        var content = new BorderPane(split, toolbar(model.actions()), null, status(model.actions()), null);
        content.setId("orchestrationsPanel");
        content.getStylesheets().add(STYLESHEET);
        setContent(content);
    }

    private void bindList() {
        var instances = model.instances();
        list.statusFilterProperty().bindBidirectional(instances.statusFilterProperty());
        list.searchProperty().bindBidirectional(instances.searchProperty());
        instances.rows().addListener((ListChangeListener<InstanceRow>) c ->
                list.setInstances(instances.rows()));
        instances.noteProperty().addListener((o, was, now) -> list.setNote(now));
        model.access().unavailableProperty().addListener((o, was, now) -> placeholder(now));
        placeholder(model.access().unavailableProperty().get());
        list.selectedProperty().addListener((o, was, row) -> {
            var id = row == null ? null : row.instanceId();
            if (!Objects.equals(id, model.openIdProperty().get())) model.open(id);
        });
        model.openIdProperty().addListener((o, was, id) -> {
            var selected = list.selectedProperty().get();
            if (!Objects.equals(id, selected == null ? null : selected.instanceId())) list.select(id);
        });
    }

    private void placeholder(String unavailable) {
        list.setPlaceholderText(unavailable.isEmpty() ? NO_INSTANCES : unavailable);
    }

    private void showDetail(InstanceDetail detail) {
        if (detail == null) { // none open, or another one opened and its first read under way
            shownInstance = null;
            timeline.setTimeline(Timeline.EMPTY, false);
            history.setHistory(List.of(), false);
            header.show(null);
            return;
        }
        boolean same = detail.instanceId().equals(shownInstance);
        shownInstance = detail.instanceId();
        timeline.setTimeline(detail.timeline(), same);
        history.setHistory(detail.history(), same);
        header.show(detail);
    }

    private static ToolBar toolbar(OrchestrationActionsViewModel actions) {
        var spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        return new ToolBar(
                button("startOrchestrationButton", "Start…", Feather.PLAY_CIRCLE, actions::start, actions.canStartProperty()),
                button("raiseEventButton", "Raise event…", Feather.SEND, actions::raiseEvent, actions.canRaiseProperty()),
                button("suspendButton", "Suspend", Feather.PAUSE, actions::suspend, actions.canSuspendProperty()),
                button("resumeButton", "Resume", Feather.PLAY, actions::resume, actions.canResumeProperty()),
                button("terminateButton", "Terminate", Feather.X_OCTAGON, actions::terminate, actions.canTerminateProperty()),
                button("rewindButton", "Rewind", Feather.ROTATE_CCW, actions::rewind, actions.canRewindProperty()),
                button("restartButton", "Restart", Feather.REPEAT, actions::restart, actions.canRestartProperty()),
                button("purgeButton", "Purge", Feather.TRASH_2, actions::purge, actions.canPurgeProperty()),
                spacer);
    }

    private static Button button(String id, String text, Feather icon, Runnable handler,
                                 ObservableBooleanValue enabled) {
        return ActionBars.button(Action.of(id, text, icon, null, handler).enabledWhen(enabled), true);
    }

    private static Label status(OrchestrationActionsViewModel actions) {
        var label = ActionBars.outcome("orchestrationStatus", actions.messageProperty(), actions.failedProperty());
        label.getStyleClass().add("orchestration-status");
        return label;
    }

    private static Tab tab(String title, Feather icon, Node content, String id) {
        var tab = new Tab(title, content);
        tab.setGraphic(new FontIcon(icon));
        tab.setId(id);
        return tab;
    }
}
