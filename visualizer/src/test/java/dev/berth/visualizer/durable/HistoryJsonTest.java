package dev.berth.visualizer.durable;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HistoryJsonTest {
    @Test
    void writeThenRead_givesTheSameRows() {
        List<HistoryRow> history = List.of(
                new HistoryRow(0, -1, EventKind.EXECUTION_STARTED, Histories.T0, "Hello", -1, "{\"a\":\"b\\nc\"}", null,
                        null, null, null),
                new HistoryRow(1, 0, EventKind.TIMER_CREATED, Histories.T0.plusMillis(5), null, -1, null, null,
                        Histories.T0.plusSeconds(60), null, null),
                new HistoryRow(2, -1, EventKind.EXECUTION_COMPLETED, Histories.T0.plusMillis(9), null, -1, null,
                        "java.lang.IllegalStateException: no", null, "sub-1", "Failed"));
        String json = HistoryJson.write(history);
        assertThat(json.lines()).hasSize(5).first().isEqualTo("[");
        assertThat(HistoryJson.read(json)).isEqualTo(history);
    }

    @Test
    void read_missingOptionalFields_defaultsToNullAndMinusOne() {
        List<HistoryRow> rows = HistoryJson.read("[{\"kind\": \"TaskCompleted\", \"timestamp\": \"2026-01-05T10:00:00Z\"}]");
        assertThat(rows.getFirst()).isEqualTo(new HistoryRow(0, -1, EventKind.TASK_COMPLETED, Histories.T0, null, -1,
                null, null, null, null, null));
    }

    @Test
    void read_badFields_nameTheEventAndTheFix() {
        assertThatThrownBy(() -> HistoryJson.read("[{\"kind\": \"TaskScheduled\", \"timestamp\": \"yesterday\"}]"))
                .hasMessageContaining("history event 0: \"timestamp\" is not an ISO-8601 instant");
        assertThatThrownBy(() -> HistoryJson.read("[{\"kind\": \"Nope\", \"timestamp\": \"2026-01-05T10:00:00Z\"}]"))
                .hasMessageContaining("unknown history event kind 'Nope'");
        assertThatThrownBy(() -> HistoryJson.read("[{\"kind\": \"TaskScheduled\", \"timestamp\": \"2026-01-05T10:00:00Z\","
                + " \"data\": {\"a\": 1}}]")).hasMessageContaining("\"data\" must be a string holding the JSON text");
        assertThatThrownBy(() -> HistoryJson.read("{}")).hasMessageContaining("JSON array of events");
    }
}
