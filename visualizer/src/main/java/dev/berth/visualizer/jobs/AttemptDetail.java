package dev.berth.visualizer.jobs;

import dev.berth.visualizer.Formats;
import dev.berth.visualizer.durable.TimeAxis;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.time.Clock;
import java.time.ZoneId;

/// What a clicked attempt bar shows: replica and attempt, status, exit code, duration, start and end, the
/// reason it ended, and its last log lines. FX thread only.
public final class AttemptDetail extends VBox {
    static final String NOTHING = "Click an attempt bar to see its exit code, reason and last log lines.";

    private final Clock clock;
    private final ZoneId zone;
    private final Label title = label("attemptTitle", "detail-title");
    private final Label exitCode = label("attemptExitCode", "detail-value");
    private final Label duration = label("attemptDuration", "detail-value");
    private final Label times = label("attemptTimes", "detail-value");
    private final Label reason = label("attemptReason", "detail-value");
    private final TextArea log = new TextArea();

    public AttemptDetail(Clock clock, ZoneId zone) {
        this.clock = clock;
        this.zone = zone;
        getStyleClass().add("berth-attempt-detail");
        getStylesheets().add(ExecutionTimeline.STYLESHEET);
        reason.setWrapText(true);
        var facts = new GridPane();
        facts.getStyleClass().add("detail-facts");
        facts.addRow(0, key("Exit code"), exitCode);
        facts.addRow(1, key("Duration"), duration);
        facts.addRow(2, key("Ran"), times);
        facts.addRow(3, key("Reason"), reason);
        log.setId("attemptLog");
        log.setEditable(false);
        log.getStyleClass().add("attempt-log");
        VBox.setVgrow(log, Priority.ALWAYS);
        getChildren().addAll(title, facts, key("Last log lines"), log);
        show(null);
    }

    /// Shows `attempt`, or the hint when null.
    public void show(AttemptBar attempt) {
        title.getStyleClass().removeIf(c -> c.startsWith("attempt-"));
        if (attempt == null) {
            title.setText(NOTHING);
            for (var value : new Label[] {exitCode, duration, times, reason}) value.setText("—");
            log.setText("");
            return;
        }
        title.setText("Replica " + attempt.replica() + ", attempt " + attempt.attempt() + " — " + attempt.status().label());
        title.getStyleClass().add(attempt.status().styleClass());
        exitCode.setText(attempt.exitCode().isPresent() ? Integer.toString(attempt.exitCode().getAsInt())
                : attempt.status() == AttemptStatus.RUNNING ? "— (still running)" : "— (stopped before it exited)");
        var now = clock.instant();
        duration.setText(TimeAxis.duration(attempt.duration(now).toMillis()));
        times.setText(Formats.time(attempt.started(), zone) + " → "
                + attempt.ended().map(e -> Formats.time(e, zone)).orElse("now"));
        reason.setText(attempt.reason().isEmpty() ? "—" : attempt.reason());
        log.setText(attempt.logTail().isEmpty()
                ? (attempt.ended().isPresent() ? "(no output)" : "(the log tail is kept once the attempt ends)")
                : String.join("\n", attempt.logTail()));
    }

    private static Label label(String id, String styleClass) {
        var label = new Label();
        label.setId(id);
        label.getStyleClass().add(styleClass);
        return label;
    }

    private static Label key(String text) {
        var label = new Label(text);
        label.getStyleClass().add("detail-key");
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }
}
