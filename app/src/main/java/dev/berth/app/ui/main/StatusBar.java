package dev.berth.app.ui.main;

import dev.berth.app.ui.run.DockerStatusViewModel;
import dev.berth.app.ui.run.RunState;
import dev.berth.app.ui.run.RunViewModel;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.Locale;

/// The status bar: project, Docker and its version, GPU, run state, ingress address. FX thread only.
final class StatusBar extends HBox {
    StatusBar(MainViewModel main) {
        setId("statusBar");
        getStyleClass().add("status-bar");
        var docker = main.docker();
        var run = main.run();

        var project = label("projectStatus", Feather.FOLDER);
        project.setText(main.projectDir().toString());

        var engine = label("dockerStatus", Feather.BOX);
        engine.textProperty().bind(docker.statusTextProperty());
        docker.availableProperty().addListener((o, was, ok) -> mark(engine, ok));
        mark(engine, docker.availableProperty().get());

        var gpu = label("gpuStatus", Feather.CPU);
        gpu.textProperty().bind(docker.gpuTextProperty());
        var gpuTip = new Tooltip();
        gpuTip.textProperty().bind(docker.gpuDetailProperty());
        gpu.setTooltip(gpuTip);

        var state = label("runState", Feather.CIRCLE);
        state.textProperty().bind(Bindings.createStringBinding(() -> describe(run.stateProperty().get()), run.stateProperty()));
        run.stateProperty().addListener((o, was, now) -> mark(state, now == RunState.RUNNING));

        var ingress = label("statusIngress", Feather.GLOBE);
        ingress.textProperty().bind(Bindings.when(run.ingressUrlProperty().isEmpty()).then("Not serving")
                .otherwise(run.ingressUrlProperty()));

        var spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        getChildren().addAll(project, spacer, state, ingress, engine, gpu);
    }

    private static String describe(RunState state) {
        var word = state.name().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    private static Label label(String id, Feather icon) {
        var label = new Label(null, new FontIcon(icon));
        label.setId(id);
        label.setGraphicTextGap(6);
        return label;
    }

    private static void mark(Label label, boolean ok) {
        label.getStyleClass().removeAll("ok", "bad");
        label.getStyleClass().add(ok ? "ok" : "bad");
    }
}
