package dev.berth.app.ui.diagnostics;

import dev.berth.app.ui.theme.Themes;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;

/// The Diagnostics window beside the main one: opening it again brings it forward and re-runs the checks.
/// FX thread only.
public final class DiagnosticsWindow {
    private final DiagnosticsViewModel model;
    private Stage stage;

    public DiagnosticsWindow(DiagnosticsViewModel model) { this.model = model; }

    public void show(Window owner) {
        if (stage == null) {
            stage = new Stage();
            stage.initOwner(owner);
            stage.setTitle("Berth — Diagnostics");
            stage.setScene(Themes.style(new Scene(new DiagnosticsView(model), 880, 640)));
        }
        model.run();
        stage.show();
        stage.toFront();
    }
}
