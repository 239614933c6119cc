package dev.berth.app.ui.jobs;

import dev.berth.app.ui.action.Action;
import dev.berth.app.ui.action.ActionBars;
import dev.berth.visualizer.jobs.AttemptDetail;
import dev.berth.visualizer.jobs.ExecutionTimeline;
import dev.berth.visualizer.jobs.JobList;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.time.Clock;
import java.time.ZoneId;

/// The "Jobs" tab of the run panels: a Start action on top, the project's jobs on the left, the selected
/// job's executions as a timeline on the right with the clicked attempt's exit code, reason and log tail
/// beside it, and the last action's outcome at the bottom. FX thread only.
public final class JobsTab extends Tab {
    public JobsTab(JobsViewModel model, Clock clock) {
        super("Jobs");
        setId("jobsTab");
        setGraphic(new FontIcon(Feather.CLOCK));
        var zone = ZoneId.systemDefault();
        var list = new JobList(zone);
        list.setId("jobList");
        var timeline = new ExecutionTimeline(clock, zone);
        timeline.setId("executionTimeline");
        var detail = new AttemptDetail(clock, zone);
        detail.setId("attemptDetail");

        model.jobsProperty().addListener((o, was, rows) -> list.setJobs(rows));
        model.selectedJobProperty().addListener((o, was, job) -> list.select(job));
        list.selectedProperty().addListener((o, was, row) -> { if (row != null) model.select(row.name()); });
        model.executionsProperty().addListener((o, was, rows) -> timeline.setExecutions(rows));
        timeline.selectedAttemptProperty().addListener((o, was, attempt) -> detail.show(attempt));
        model.unavailableProperty().addListener((o, was, why) -> placeholder(list, why));
        placeholder(list, model.unavailableProperty().get());

        var right = new SplitPane(timeline, detail);
        right.setDividerPositions(0.68);
        SplitPane.setResizableWithParent(detail, false);
        var split = new SplitPane(list, right);
        split.setDividerPositions(0.34);
        SplitPane.setResizableWithParent(list, false);
        var start = ActionBars.button(Action.of("startJobButton", "Start execution", Feather.PLAY_CIRCLE, null,
                model::start).enabledWhen(model.canStartProperty()), true);
        var content = new BorderPane(split, new ToolBar(start), null, status(model), null);
        content.setId("jobsPanel");
        setContent(content);
    }

    private static void placeholder(JobList list, String unavailable) {
        list.setPlaceholder(new Label(unavailable.isEmpty() ? "No jobs in this project. Add jobs/<name>.yaml." : unavailable));
    }

    private static Label status(JobsViewModel model) {
        var label = ActionBars.outcome("jobsStatus", model.messageProperty(), model.failedProperty());
        label.setStyle("-fx-padding: 4 8 4 8;");
        return label;
    }
}
