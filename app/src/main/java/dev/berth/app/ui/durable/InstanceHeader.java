package dev.berth.app.ui.durable;

import atlantafx.base.theme.Styles;
import dev.berth.visualizer.durable.DurableStyles;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/// The open instance in two lines above its timeline: name, id and status, then its times and its output,
/// custom status or failure, cut to one line (the whole payloads are in the orchestration bar's detail and the
/// history). A hint when none is open, and why an instance cannot be shown. FX thread only.
final class InstanceHeader extends VBox {
    static final String HINT = "Select an instance to see its timeline, history and orchestrator log.";
    private static final int PREVIEW = 160;

    private final DateTimeFormatter when;
    private final Label title = new Label(HINT);
    private final Label status = new Label();
    private final Label facts = new Label();
    private final Label problem = new Label();

    InstanceHeader(ZoneId zone) {
        when = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS", Locale.ROOT).withZone(zone);
        setId("instanceHeader");
        getStyleClass().add("instance-header");
        title.setId("instanceTitle");
        title.getStyleClass().add("instance-title");
        status.setId("instanceStatus");
        status.getStyleClass().add("instance-status");
        facts.setId("instanceFacts");
        facts.getStyleClass().add(Styles.TEXT_MUTED);
        facts.setWrapText(true); // a long output takes a second line rather than being cut
        problem.setId("instanceProblem");
        problem.getStyleClass().add(Styles.DANGER);
        problem.setWrapText(true);
        for (var label : new Label[] {status, facts, problem}) label.managedProperty().bind(label.visibleProperty());
        getChildren().addAll(new HBox(10, title, status), facts, problem);
        show(null);
        problem("");
    }

    void show(InstanceDetail detail) {
        boolean none = detail == null || !detail.exists();
        status.setVisible(!none);
        facts.setVisible(!none);
        if (none) {
            title.setText(detail == null ? HINT : detail.instanceId());
            return;
        }
        var row = detail.row();
        title.setText(row.name() + "  ·  " + row.instanceId());
        status.setText(row.status());
        status.getStyleClass().removeIf(style -> style.startsWith("status-") || style.equals(Styles.DANGER)
                || style.equals(Styles.SUCCESS) || style.equals(Styles.ACCENT) || style.equals(Styles.WARNING));
        status.getStyleClass().add(tone(DurableStyles.statusClass(row.status())));
        var text = new StringBuilder("created " + when.format(row.created()) + "  ·  updated " + when.format(row.lastUpdated())
                + "  ·  " + String.format(Locale.ROOT, "%,d", detail.history().size()) + " events");
        if (detail.failure() != null) text.append("  ·  failed: ").append(oneLine(detail.failure()));
        else if (detail.output() != null) text.append("  ·  output: ").append(oneLine(detail.output()));
        if (detail.customStatus() != null) text.append("  ·  custom status: ").append(oneLine(detail.customStatus()));
        facts.setText(text.toString());
    }

    void problem(String text) {
        problem.setText(text);
        problem.setVisible(!text.isEmpty());
    }

    private static String tone(String statusClass) {
        return switch (statusClass) {
            case "status-running" -> Styles.ACCENT;
            case "status-completed" -> Styles.SUCCESS;
            case "status-failed" -> Styles.DANGER;
            case "status-suspended" -> Styles.WARNING;
            default -> Styles.TEXT_MUTED;
        };
    }

    private static String oneLine(String text) {
        var line = text.replaceAll("\\s+", " ").strip();
        return line.length() <= PREVIEW ? line : line.substring(0, PREVIEW - 1) + "…";
    }
}
