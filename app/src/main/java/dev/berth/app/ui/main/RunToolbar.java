package dev.berth.app.ui.main;

import atlantafx.base.theme.Styles;
import dev.berth.app.ui.DialogService;
import dev.berth.app.ui.action.ActionBars;
import dev.berth.app.ui.action.AppActions;
import dev.berth.app.ui.run.FunctionKey;
import dev.berth.app.ui.run.RunState;
import dev.berth.app.ui.run.RunViewModel;
import dev.berth.runner.session.DebugEndpoint;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Separator;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.geometry.Orientation;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.net.URI;

/// The project window's tool bar: Run / Debug / Stop, Save and Refresh from the actions (the theme toggle
/// lives in the View menu), then what a running
/// project offers: the ingress address (click copies), its function keys (click copies), and the debug
/// endpoint with how to attach an IDE. FX thread only.
final class RunToolbar extends ToolBar {
    RunToolbar(AppActions actions, RunViewModel run, DialogService dialogs) {
        setId("runToolbar");
        getStyleClass().add("run-toolbar");
        var spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        getItems().addAll(ActionBars.button(actions.run(), true), ActionBars.button(actions.debug(), true),
                ActionBars.button(actions.stop(), true), ActionBars.button(actions.runNow(), false), progress(run),
                separator(),
                ActionBars.button(actions.save(), false), ActionBars.button(actions.refreshTree(), false),
                spacer, debugChip(run), ingress(run, dialogs), keys(run));
    }

    /// A spinner and the state while a run starts (image build, replicas) or stops (containers removed).
    private static HBox progress(RunViewModel run) {
        var spinner = new ProgressIndicator();
        spinner.setPrefSize(16, 16);
        var label = new Label();
        label.setId("runProgress");
        label.getStyleClass().add("muted");
        label.textProperty().bind(Bindings.createStringBinding(
                () -> run.stateProperty().get() == RunState.STOPPING ? "Stopping…" : "Starting…", run.stateProperty()));
        var box = new HBox(6, spinner, label);
        box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        box.visibleProperty().bind(Bindings.createBooleanBinding(() -> run.stateProperty().get() == RunState.STARTING
                || run.stateProperty().get() == RunState.STOPPING, run.stateProperty()));
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private static Separator separator() { return new Separator(Orientation.VERTICAL); }

    private static HBox ingress(RunViewModel run, DialogService dialogs) {
        var caption = new Label("Ingress");
        caption.getStyleClass().add("muted");
        var link = new Hyperlink();
        link.setId("ingressUrl");
        link.textProperty().bind(run.ingressUrlProperty());
        link.setTooltip(new Tooltip("Click to copy the address"));
        link.setOnAction(e -> copy(link.getText()));
        var copyButton = new Button(null, new FontIcon(Feather.COPY));
        copyButton.setId("copyIngressButton");
        copyButton.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        copyButton.setTooltip(new Tooltip("Copy the ingress address"));
        copyButton.setOnAction(e -> copy(link.getText()));
        var openButton = new Button(null, new FontIcon(Feather.EXTERNAL_LINK));
        openButton.setId("openIngressButton");
        openButton.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        openButton.setTooltip(new Tooltip("Open in the browser"));
        openButton.setOnAction(e -> dialogs.openInBrowser(URI.create(link.getText())));
        var box = new HBox(caption, link, copyButton, openButton);
        box.getStyleClass().add("ingress-box");
        box.visibleProperty().bind(run.ingressUrlProperty().isNotEmpty());
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private static MenuButton keys(RunViewModel run) {
        var button = new MenuButton("Keys", new FontIcon(Feather.KEY));
        button.setId("functionKeysButton");
        button.setTooltip(new Tooltip("Function keys: send as the x-functions-key header or ?code=. Click one to copy it."));
        run.functionKeys().addListener((ListChangeListener<FunctionKey>) c ->
                button.getItems().setAll(run.functionKeys().stream().map(RunToolbar::keyItem).toList()));
        button.visibleProperty().bind(Bindings.isNotEmpty(run.functionKeys()));
        button.managedProperty().bind(button.visibleProperty());
        return button;
    }

    private static MenuItem keyItem(FunctionKey key) {
        var value = key.value();
        var shown = value.length() > 10 ? value.substring(0, 6) + "…" + value.substring(value.length() - 4) : value;
        var item = new MenuItem(key.name() + "   " + shown + "   (copy)", new FontIcon(Feather.COPY));
        item.setId("functionKey-" + key.name());
        item.setOnAction(e -> copy(value));
        return item;
    }

    private static HBox debugChip(RunViewModel run) {
        var label = new Label();
        label.setId("debugEndpoint");
        label.textProperty().bind(Bindings.createStringBinding(() -> {
            DebugEndpoint endpoint = run.debugEndpointProperty().get();
            return endpoint == null ? "" : "Debugger " + endpoint.host() + ":" + endpoint.port()
                    + " · Remote JVM Debug, dt_socket";
        }, run.debugEndpointProperty()));
        var tip = new Tooltip();
        tip.textProperty().bind(Bindings.createStringBinding(() -> attachHint(run.debugEndpointProperty().get()),
                run.debugEndpointProperty()));
        label.setTooltip(tip);
        var copyButton = new Button(null, new FontIcon(Feather.COPY));
        copyButton.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        copyButton.setTooltip(new Tooltip("Copy host:port"));
        copyButton.setOnAction(e -> {
            var endpoint = run.debugEndpointProperty().get();
            if (endpoint != null) copy(endpoint.host() + ":" + endpoint.port());
        });
        var chip = new HBox(new FontIcon(Feather.CROSSHAIR), label, copyButton);
        chip.getStyleClass().add("debug-chip");
        chip.visibleProperty().bind(run.debugEndpointProperty().isNotNull());
        chip.managedProperty().bind(chip.visibleProperty());
        return chip;
    }

    /// What to set up in the IDE: IntelliJ's "Remote JVM Debug" (Eclipse: "Remote Java Application").
    static String attachHint(DebugEndpoint endpoint) {
        if (endpoint == null) return "";
        return "Attach your IDE: Run → Edit Configurations → Remote JVM Debug, host " + endpoint.host() + ", port "
                + endpoint.port() + ", transport dt_socket, debugger mode Attach.\n" + endpoint.attachHint();
    }

    private static void copy(String text) {
        if (text == null || text.isEmpty()) return;
        var content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }
}
