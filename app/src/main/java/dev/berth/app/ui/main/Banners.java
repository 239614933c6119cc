package dev.berth.app.ui.main;

import atlantafx.base.theme.Styles;
import dev.berth.app.ui.run.DockerStatusViewModel;
import dev.berth.app.ui.run.RunViewModel;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/// The banners across the top of a project window: Docker unavailable (with Retry), and a failed run.
/// Each shows only while its message is set. FX thread only.
final class Banners {
    private Banners() {}

    static HBox docker(DockerStatusViewModel docker) {
        var message = new Label();
        message.textProperty().bind(Bindings.concat(docker.problemProperty(), "  ", docker.fixHint()));
        var retry = new Button("Retry", new FontIcon(Feather.REFRESH_CW));
        retry.setId("retryDockerButton");
        retry.getStyleClass().add(Styles.DANGER);
        retry.disableProperty().bind(docker.checkingProperty());
        retry.setOnAction(e -> docker.check());
        var banner = banner("danger", Feather.ALERT_OCTAGON, "Docker is not available: Run is disabled", message, retry);
        banner.setId("dockerBanner");
        show(banner, docker.problemProperty().isNotEmpty());
        return banner;
    }

    static HBox runError(RunViewModel run) {
        var message = new Label();
        message.textProperty().bind(run.errorMessageProperty());
        var dismiss = new Button(null, new FontIcon(Feather.X));
        dismiss.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        dismiss.setOnAction(e -> run.dismissError());
        var banner = banner("warning", Feather.ALERT_TRIANGLE, "The run failed", message, dismiss);
        banner.setId("runErrorBanner");
        show(banner, run.errorMessageProperty().isNotEmpty());
        return banner;
    }

    private static HBox banner(String kind, Feather icon, String title, Label message, Button action) {
        var glyph = new FontIcon(icon);
        glyph.getStyleClass().add("banner-icon");
        var heading = new Label(title);
        heading.getStyleClass().add("banner-title");
        message.setWrapText(true);
        var text = new VBox(2, heading, message);
        HBox.setHgrow(text, Priority.ALWAYS);
        action.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        var banner = new HBox(glyph, text, action);
        banner.getStyleClass().addAll("banner", kind);
        return banner;
    }

    private static void show(HBox banner, javafx.beans.value.ObservableBooleanValue when) {
        banner.visibleProperty().bind(when);
        banner.managedProperty().bind(when);
    }
}
