package dev.berth.visualizer.revision;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import java.util.List;
import java.util.Locale;

/// Each revision's configured weight beside the share of requests it served over the last minute: one row
/// per revision with two bars on a 0–100 % scale, "configured" above "observed", and the numbers at their
/// right. Above them a legend with the total request count (an idle minute says so, since its shares are
/// all 0). FX thread only.
public final class TrafficChart extends VBox {
    private final Label summary = new Label();
    private final VBox rowsBox = new VBox();
    private List<TrafficBar> bars = List.of();

    public TrafficChart() {
        getStyleClass().add("berth-traffic-chart");
        getStylesheets().add(RevisionStyles.STYLESHEET);
        var legend = new HBox(legendKey("configured", "Configured weight"), legendKey("observed", "Observed share, last minute"));
        legend.getStyleClass().add("traffic-legend");
        legend.setAlignment(Pos.CENTER_LEFT);
        summary.setId("trafficSummary");
        summary.getStyleClass().add("traffic-summary");
        rowsBox.getStyleClass().add("traffic-rows");
        getChildren().addAll(legend, summary, rowsBox);
    }

    /// Shows these revisions, in the order given.
    public void setBars(List<TrafficBar> shown) {
        bars = List.copyOf(shown);
        long total = bars.stream().mapToLong(TrafficBar::requestsLastMinute).sum();
        summary.setText(bars.isEmpty() ? "No revision gets traffic."
                : total == 0 ? "No requests in the last minute, so nothing observed yet."
                : total + (total == 1 ? " request" : " requests") + " in the last minute.");
        rowsBox.getChildren().setAll(bars.stream().map(TrafficChart::row).toList());
    }

    /// What is shown, in order.
    public List<TrafficBar> bars() {
        return bars;
    }

    private static Region row(TrafficBar bar) {
        var name = new Label(bar.revision());
        name.getStyleClass().add("traffic-revision");
        name.setMinWidth(Region.USE_PREF_SIZE);
        var lines = new VBox(line("configured", bar.weight(), bar.weight() + "%"),
                line("observed", bar.observedPercent(), observedText(bar)));
        lines.getStyleClass().add("traffic-lines");
        HBox.setHgrow(lines, Priority.ALWAYS);
        var row = new VBox(name, lines);
        row.getStyleClass().add("traffic-row");
        row.setId("traffic-" + bar.revision());
        return row;
    }

    /// e.g. "78.4% · 392 req".
    static String observedText(TrafficBar bar) {
        return String.format(Locale.ROOT, "%.1f%% · %d req", bar.observedPercent(), bar.requestsLastMinute());
    }

    private static HBox line(String kind, double percent, String text) {
        var fill = new Region();
        fill.getStyleClass().addAll("traffic-fill", kind);
        var track = new StackPane(fill);
        track.getStyleClass().add("traffic-track");
        StackPane.setAlignment(fill, Pos.CENTER_LEFT);
        double share = Math.max(0, Math.min(100, percent)) / 100.0;
        fill.maxWidthProperty().bind(track.widthProperty().multiply(share));
        fill.setMinWidth(0);
        HBox.setHgrow(track, Priority.ALWAYS);
        var value = new Label(text);
        value.getStyleClass().addAll("traffic-value", kind);
        value.setMinWidth(Region.USE_PREF_SIZE);
        var line = new HBox(track, value);
        line.getStyleClass().add("traffic-line");
        line.setAlignment(Pos.CENTER_LEFT);
        return line;
    }

    private static HBox legendKey(String kind, String text) {
        var swatch = new Region();
        swatch.getStyleClass().addAll("traffic-swatch", kind);
        var key = new HBox(swatch, new Label(text));
        key.getStyleClass().add("traffic-key");
        key.setAlignment(Pos.CENTER_LEFT);
        return key;
    }
}
