package dev.berth.visualizer.durable;

import javafx.scene.control.Label;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.time.Clock;
import java.time.ZoneId;

/// What a selected timeline bar carried: its title and outcome, then its input, output and error (the
/// error only when it has one). A hint while nothing is selected. FX thread only.
public final class BarDetail extends VBox {
    static final String HINT = "Click a bar to see its input, output and error";

    private final Clock clock;
    private final ZoneId zone;
    private final Label title = new Label(HINT);
    private final Label outcome = new Label();
    private final JsonViewer input = new JsonViewer("Input", "barInput");
    private final JsonViewer output = new JsonViewer("Output", "barOutput");
    private final JsonViewer error = new JsonViewer("Error", "barError");

    public BarDetail(Clock clock, ZoneId zone) {
        this.clock = clock;
        this.zone = zone;
        getStyleClass().add("berth-bar-detail");
        getStylesheets().add(DurableStyles.STYLESHEET);
        setId("barDetail");
        title.setId("barTitle");
        title.getStyleClass().add("detail-title");
        title.setWrapText(true);
        outcome.setId("barOutcome");
        outcome.getStyleClass().add("detail-outcome");
        outcome.setWrapText(true);
        error.managedProperty().bind(error.visibleProperty());
        for (JsonViewer viewer : new JsonViewer[] {input, output, error}) {
            VBox.setVgrow(viewer, Priority.ALWAYS);
        }
        getChildren().addAll(title, outcome, input, output, error);
        show(null);
    }

    /// Shows `bar`; null shows the hint.
    public void show(Bar bar) {
        boolean none = bar == null;
        title.setText(none ? HINT : BarText.title(bar));
        outcome.setText(none ? "" : outcome(bar));
        outcome.setVisible(!none);
        input.setVisible(!none);
        output.setVisible(!none);
        input.show(none ? null : bar.input());
        output.show(none ? null : bar.output());
        error.setVisible(!none && bar.error() != null);
        error.showText(none ? null : bar.error());
    }

    private String outcome(Bar bar) {
        String text = BarText.outcome(bar, clock.instant()) + ", started " + dev.berth.visualizer.Formats.timeMillis(bar.start(), zone);
        if (bar.target() != null) {
            text += "\ninstance " + bar.target();
        }
        if (bar.fireAt() != null) {
            text += "\ndue at " + dev.berth.visualizer.Formats.timeMillis(bar.fireAt(), zone);
        }
        if (bar.note() != null) {
            text += "\n" + Character.toUpperCase(bar.note().charAt(0)) + bar.note().substring(1);
        }
        return text;
    }
}
