package dev.berth.app.ui.durable;

import dev.berth.runner.durable.Failure;
import dev.berth.runner.durable.HistoryItem;
import dev.berth.runner.durable.HistoryKind;
import dev.berth.runner.durable.RuntimeStatus;
import dev.berth.runner.event.LogLine;
import dev.berth.visualizer.durable.EventKind;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/// The small translations of the Orchestrations tab: log lines, JSON checks, runner records.
class DurableTextTest {
    private static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");

    @Test
    void logLine_withPrefix_isParsed() {
        var line = DurableLogLine.parse(new LogLine(T0, "r1", "stdout",
                "[INFO] Orchestrator: durable-log instance=abc-1 replay=true saying hello to Tokyo  "));
        assertThat(line).contains(new DurableLogLine(T0, "abc-1", true, "saying hello to Tokyo"));
        assertThat(DurableLogLine.parse(new LogLine(T0, "r1", "stdout", "durable-log instance=x replay=maybe hi"))).isEmpty();
    }

    @Test
    void jsonInput_validOrBlank_hasNoProblem() {
        assertThat(JsonInput.problem("The input", "{\"a\": [1, 2]}")).isEmpty();
        assertThat(JsonInput.problem("The input", "\"text\"")).isEmpty();
        assertThat(JsonInput.problem("The input", "   ")).isEmpty();
        assertThat(JsonInput.payload("  ")).isNull();
    }

    @Test
    void jsonInput_broken_namesLineAndColumnAndTheFix() {
        assertThat(JsonInput.problem("The payload", "{\n  \"a\": 1,\n}").orElseThrow())
                .startsWith("The payload is not valid JSON at line 3, column 1: ").contains("Fix it, or clear the field")
                .doesNotContain("quoted");
        assertThat(JsonInput.problem("The input", "hello").orElseThrow()).contains("Text must be quoted, e.g. \"hello\"");
        assertThat(JsonInput.problem("The input", "1 2").orElseThrow()).contains("has more after its JSON value");
    }

    @Test
    void rows_mapEveryFieldOfAHistoryItem() {
        var item = new HistoryItem(7, -1, HistoryKind.SUB_ORCHESTRATION_FAILED, T0, "Child", 3, null,
                Optional.of(new Failure("java.lang.IllegalStateException", "no stock", "at Child.run(Child.java:9)")),
                Optional.of(T0.plusSeconds(1)), "child-1", Optional.of(RuntimeStatus.FAILED));
        var row = DurableRows.history(item);
        assertThat(row.kind()).isEqualTo(EventKind.SUB_ORCHESTRATION_FAILED);
        assertThat(row.failure()).isEqualTo("java.lang.IllegalStateException: no stock\nat Child.run(Child.java:9)");
        assertThat(row.fireAt()).isEqualTo(T0.plusSeconds(1));
        assertThat(row.status()).isEqualTo("Failed");
        assertThat(row.target()).isEqualTo("child-1");
        for (var kind : HistoryKind.values()) {
            assertThat(EventKind.parse(kind.azureName()).eventType()).isEqualTo(kind.azureName());
        }
    }
}
