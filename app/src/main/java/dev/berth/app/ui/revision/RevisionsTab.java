package dev.berth.app.ui.revision;

import atlantafx.base.theme.Styles;
import dev.berth.app.ui.action.Action;
import dev.berth.app.ui.action.ActionBars;
import dev.berth.visualizer.revision.RevisionRow;
import dev.berth.visualizer.revision.RevisionTable;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.time.ZoneId;
import java.util.Objects;

/// The "Revisions" tab of the run panels: the actions on top, the revisions list on the left, the traffic
/// view (chart, weights, labels) on the right, and the last action's outcome at the bottom. Reads every
/// couple of seconds only while it is the selected tab. FX thread only.
public final class RevisionsTab extends Tab {
    static final String STYLESHEET = Objects.requireNonNull(RevisionsTab.class.getResource("revisions.css"),
            "dev/berth/app/ui/revision/revisions.css is missing from the app").toExternalForm();

    public RevisionsTab(RevisionsViewModel model) {
        super("Revisions");
        setId("revisionsTab");
        setGraphic(new FontIcon(Feather.LAYERS));
        var table = new RevisionTable(ZoneId.systemDefault());
        table.setId("revisionList");
        model.rows().addListener((ListChangeListener<RevisionRow>) c -> table.setRevisions(model.rows()));
        table.setRevisions(model.rows());
        table.selectedProperty().addListener((o, was, names) -> model.actions().selectionProperty().set(names));
        model.access().unavailableProperty().addListener((o, was, why) -> placeholder(table, why));
        placeholder(table, model.access().unavailableProperty().get());
        var traffic = new ScrollPane(new TrafficPane(model.traffic()));
        traffic.setFitToWidth(true);
        traffic.setId("trafficView");
        var split = new SplitPane(table, traffic);
        split.setDividerPositions(0.58);
        var content = new BorderPane(split, toolbar(model), null, status(model.status()), null);
        content.setId("revisionsPanel");
        content.getStylesheets().add(STYLESHEET);
        setContent(content);
        selectedProperty().addListener((o, was, selected) -> model.setShowing(selected));
    }

    private static void placeholder(RevisionTable table, String why) {
        table.setPlaceholderText(why.isEmpty() ? "No revisions yet." : why);
    }

    private static ToolBar toolbar(RevisionsViewModel model) {
        var actions = model.actions();
        var spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        var mode = new Label();
        mode.setId("revisionMode");
        mode.getStyleClass().add("revision-mode");
        mode.textProperty().bind(model.modeProperty());
        var refresh = new Button(null, new FontIcon(Feather.REFRESH_CW));
        refresh.setId("refreshRevisionsButton");
        refresh.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        refresh.setOnAction(e -> model.refresh());
        refresh.disableProperty().bind(model.access().availableProperty().not());
        return new ToolBar(
                button("activateRevisionButton", "Activate", Feather.PLAY, actions::activate, actions.canActivateProperty()),
                button("deactivateRevisionButton", "Deactivate", Feather.PAUSE, actions::deactivate,
                        actions.canDeactivateProperty()),
                button("restartRevisionButton", "Restart", Feather.REPEAT, actions::restart, actions.canRestartProperty()),
                button("swapRevisionsButton", "Swap", Feather.SHUFFLE, actions::swap, actions.canSwapProperty()),
                button("rollbackButton", "Roll back", Feather.ROTATE_CCW, actions::rollback, actions.canRollbackProperty()),
                spacer, mode, refresh);
    }

    private static Button button(String id, String text, Feather icon, Runnable handler, ObservableBooleanValue enabled) {
        return ActionBars.button(Action.of(id, text, icon, null, handler).enabledWhen(enabled), true);
    }

    private static Label status(RevisionStatus status) {
        var label = new Label();
        label.setId("revisionStatus");
        label.setMaxWidth(Double.MAX_VALUE);
        label.setWrapText(true);
        label.getStyleClass().add("revision-status");
        label.textProperty().bind(status.textProperty());
        status.errorProperty().addListener((o, was, error) -> {
            label.getStyleClass().removeAll(Styles.DANGER, Styles.SUCCESS);
            label.getStyleClass().add(error ? Styles.DANGER : Styles.SUCCESS);
        });
        label.managedProperty().bind(label.textProperty().isNotEmpty());
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        return label;
    }
}
