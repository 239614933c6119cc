package dev.berth.app.ui.diagnostics;

import atlantafx.base.theme.Styles;
import dev.berth.runner.doctor.Finding;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/// The findings of the last check run, one row each: a status icon, what was checked, what was found and,
/// beneath it, the fix; a Re-run button and the summary above. FX thread only.
public final class DiagnosticsView extends BorderPane {
    private final GridPane rows = new GridPane();

    public DiagnosticsView(DiagnosticsViewModel model) {
        setId("diagnosticsView");
        var title = new Label("Diagnostics");
        title.getStyleClass().add(Styles.TITLE_3);
        var summary = new Label();
        summary.setId("diagnosticsSummary");
        summary.textProperty().bind(model.summaryProperty());
        summary.setWrapText(true);
        var rerun = new Button("Re-run", new FontIcon(Feather.REFRESH_CW));
        rerun.setId("diagnosticsRerunButton");
        rerun.disableProperty().bind(model.runningProperty());
        rerun.setOnAction(e -> model.run());
        var spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        var header = new HBox(12, new VBox(4, title, summary), spacer, rerun);
        header.setAlignment(Pos.CENTER_LEFT);
        header.setPadding(new Insets(16, 16, 12, 16));
        setTop(header);

        rows.setId("diagnosticsFindings");
        rows.setHgap(12);
        rows.setVgap(10);
        rows.setPadding(new Insets(4, 16, 16, 16));
        var grow = new ColumnConstraints();
        grow.setHgrow(Priority.ALWAYS);
        rows.getColumnConstraints().addAll(new ColumnConstraints(20), new ColumnConstraints(280), grow);
        var scroll = new ScrollPane(rows);
        scroll.setFitToWidth(true);
        setCenter(scroll);
        model.findings().addListener((ListChangeListener<Finding>) c -> {
            fill(model);
            summary.getStyleClass().removeAll(Styles.DANGER, Styles.SUCCESS);
            summary.getStyleClass().add(model.unhealthy() ? Styles.DANGER : Styles.SUCCESS);
        });
        fill(model);
    }

    private void fill(DiagnosticsViewModel model) {
        rows.getChildren().clear();
        int row = 0;
        for (var finding : model.findings()) {
            var icon = icon(finding.status());
            var name = new Label(finding.name());
            name.getStyleClass().add(Styles.TEXT_BOLD);
            name.setWrapText(true);
            var found = new Label(finding.found());
            found.setWrapText(true);
            var detail = new VBox(2, found);
            if (!finding.fix().isEmpty()) {
                var fix = new Label("Fix: " + finding.fix());
                fix.getStyleClass().add(Styles.TEXT_MUTED);
                fix.setWrapText(true);
                detail.getChildren().add(fix);
            }
            GridPane.setValignment(icon, javafx.geometry.VPos.TOP);
            GridPane.setValignment(name, javafx.geometry.VPos.TOP);
            icon.setId("finding" + row + "Icon");
            rows.addRow(row++, icon, name, detail);
        }
    }

    /// The icon as a label's graphic, carrying the status for tests.
    private static Label icon(Finding.Status status) {
        var icon = switch (status) {
            case OK -> styled(Feather.CHECK_CIRCLE, "success");
            case INFO -> styled(Feather.INFO, "accent");
            case WARN -> styled(Feather.ALERT_TRIANGLE, "warning");
            case FAIL -> styled(Feather.X_CIRCLE, "danger");
        };
        icon.setIconSize(16);
        var label = new Label(null, icon);
        label.setUserData(status);
        return label;
    }

    /// `color` names one of the theme's foreground colours, so the icons follow the light and dark themes.
    private static FontIcon styled(Feather glyph, String color) {
        var icon = new FontIcon(glyph);
        // Appended: FontIcon keeps its glyph font in its own inline style.
        icon.setStyle(icon.getStyle() + "-fx-icon-color: -color-" + color + "-fg;");
        return icon;
    }
}
