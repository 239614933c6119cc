package dev.berth.app.ui.trigger;

import atlantafx.base.theme.Styles;
import dev.berth.app.ui.fx.TaskExecutor;
import dev.berth.editor.CodeEditor;
import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Map;

/// The cron preview under a function.json editor: shows while the file has a timerTrigger, re-parsed a
/// moment after typing stops. FX thread only.
public final class CronPreviewPanel extends VBox {
    private static final Duration TYPING_PAUSE = Duration.millis(250);

    private final GridPane rows = new GridPane();

    CronPreviewPanel(CronPreviewViewModel model) {
        setId("cronPreview");
        getStyleClass().add("cron-preview");
        setSpacing(4);
        setStyle("-fx-padding: 8 12 8 12; -fx-background-color: -color-bg-subtle;"
                + " -fx-border-color: -color-border-default; -fx-border-width: 1 0 0 0;");
        var title = new Label(null, new FontIcon(Feather.CLOCK));
        title.setId("cronPreviewTitle");
        title.getStyleClass().add(Styles.TEXT_BOLD);
        title.textProperty().bind(Bindings.createStringBinding(() -> "Next " + CronPreviewViewModel.OCCURRENCES
                        + " runs of \"" + model.scheduleProperty().get() + "\"  (" + model.zoneProperty().get() + " · UTC)",
                model.scheduleProperty(), model.zoneProperty()));
        var error = new Label();
        error.setId("cronPreviewError");
        error.setWrapText(true);
        error.getStyleClass().add(Styles.DANGER);
        error.textProperty().bind(model.errorProperty());
        error.visibleProperty().bind(model.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        rows.setId("cronPreviewRows");
        rows.setHgap(24);
        model.occurrences().addListener((ListChangeListener<CronPreviewViewModel.Occurrence>) c -> fill(model));
        fill(model);
        getChildren().addAll(title, error, rows);
        visibleProperty().bind(model.timerProperty());
        managedProperty().bind(visibleProperty());
    }

    private void fill(CronPreviewViewModel model) {
        rows.getChildren().clear();
        int r = 0;
        for (var occurrence : model.occurrences()) {
            var local = new Label(occurrence.local());
            var utc = new Label(occurrence.utc());
            local.getStyleClass().add("mono");
            utc.getStyleClass().addAll("mono", Styles.TEXT_MUTED);
            rows.addRow(r++, local, utc);
        }
    }

    /// The editor's tab content for `file`: the editor alone, or, for a function.json, the editor with a
    /// cron preview below it that follows the text.
    public static Node decorate(Path file, CodeEditor editor, Path projectDir, TaskExecutor tasks, Clock clock) {
        if (!"function.json".equals(String.valueOf(file.getFileName()))) return editor;
        var model = new CronPreviewViewModel(clock, ZoneId.systemDefault());
        tasks.run(() -> LocalSettings.read(projectDir), model::setSettings, e -> model.setSettings(Map.of()));
        var pause = new PauseTransition(TYPING_PAUSE);
        pause.setOnFinished(e -> model.update(editor.getText()));
        editor.textProperty().addListener((o, old, now) -> pause.playFromStart());
        model.update(editor.getText());
        var panel = new CronPreviewPanel(model);
        return new BorderPane(editor, null, null, panel, null);
    }
}
