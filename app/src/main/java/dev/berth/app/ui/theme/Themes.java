package dev.berth.app.ui.theme;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.scene.Scene;

import java.util.Objects;

/// Applies the AtlantaFX Primer theme (app-wide user-agent stylesheet) and Berth's spacing stylesheet.
/// FX thread only.
public final class Themes {
    private static final String APP_CSS = Objects.requireNonNull(
            Themes.class.getResource("/dev/berth/app/ui/berth.css"), "berth.css missing from the app jar").toExternalForm();

    private Themes() {}

    /// Follows `model`: switches the whole application when it toggles.
    public static void follow(ThemeViewModel model) {
        apply(model.darkProperty().get());
        model.darkProperty().addListener((obs, was, dark) -> apply(dark));
    }

    private static void apply(boolean dark) {
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }

    /// Adds Berth's own stylesheet to a scene (every window calls this).
    public static Scene style(Scene scene) {
        scene.getStylesheets().add(APP_CSS);
        return scene;
    }
}
