package dev.berth.visualizer;

import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class LogModelTest {
    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

    private static LogEntry line(int n, String source) {
        return new LogEntry(T0.plusMillis(n), source, n % 10 == 0 ? "stderr" : "stdout", "line " + n);
    }

    private static List<LogEntry> lines(int from, int to, String source) {
        return IntStream.range(from, to).mapToObj(n -> line(n, source)).toList();
    }

    private static List<String> texts(List<LogEntry> entries) {
        return entries.stream().map(LogEntry::text).toList();
    }

    @Test
    void append_pastCapacity_dropsOldestLines() {
        LogModel model = new LogModel(5);
        model.append(lines(0, 3, "a"));
        model.append(lines(3, 8, "a"));
        assertThat(model.size()).isEqualTo(5);
        assertThat(texts(model.visible())).containsExactly("line 3", "line 4", "line 5", "line 6", "line 7");
    }

    @Test
    void append_batchLargerThanCapacity_keepsItsNewestLines() {
        LogModel model = new LogModel(3);
        model.append(lines(0, 2, "a"));
        model.append(lines(2, 12, "a"));
        assertThat(texts(model.visible())).containsExactly("line 9", "line 10", "line 11");
    }

    @Test
    void setTextFilter_anyCase_showsOnlyMatchingLines() {
        LogModel model = new LogModel(100);
        model.append(List.of(new LogEntry(T0, "a", "stdout", "Hello World"),
                new LogEntry(T0, "a", "stdout", "goodbye"),
                new LogEntry(T0, "b", "stderr", "HELLO again")));
        model.setTextFilter("hello");
        assertThat(texts(model.visible())).containsExactly("Hello World", "HELLO again");
        model.setTextFilter("");
        assertThat(model.visible()).hasSize(3);
    }

    @Test
    void setSourceFilter_replicaId_showsOnlyItsLines() {
        LogModel model = new LogModel(100);
        model.append(lines(0, 4, "r1"));
        model.append(lines(4, 6, "r2"));
        model.setSourceFilter("r2");
        assertThat(texts(model.visible())).containsExactly("line 4", "line 5");
        model.setTextFilter("5");
        assertThat(texts(model.visible())).containsExactly("line 5");
        model.setSourceFilter(null);
        model.setTextFilter(null);
        assertThat(model.visible()).hasSize(6);
    }

    @Test
    void append_withFilterSet_testsOnlyTheNewLinesAndEvictsMatchingHeads() {
        LogModel model = new LogModel(10);
        model.setSourceFilter("r1");
        for (int batch = 0; batch < 10; batch++) {
            model.append(List.of(line(batch * 3, "r1"), line(batch * 3 + 1, "r2"), line(batch * 3 + 2, "r1")));
            List<LogEntry> expected = new ArrayList<>();
            // what a full re-filter of the ring would give
            List<LogEntry> ring = new ArrayList<>();
            for (int n = Math.max(0, (batch + 1) * 3 - 10); n < (batch + 1) * 3; n++) {
                ring.add(line(n, n % 3 == 1 ? "r2" : "r1"));
            }
            ring.stream().filter(e -> e.source().equals("r1")).forEach(expected::add);
            assertThat(model.visible()).as("after batch %d", batch).containsExactlyElementsOf(expected);
        }
        assertThat(model.size()).isEqualTo(10);
    }

    @Test
    void append_fullRing_firesOneChangeWithRemovalAndAddition() {
        LogModel model = new LogModel(4);
        model.append(lines(0, 4, "a"));
        List<String> events = new ArrayList<>();
        model.visible().addListener((ListChangeListener<LogEntry>) change -> {
            while (change.next()) {
                events.add("removed " + change.getRemovedSize() + " added " + change.getAddedSize()
                        + " at " + change.getFrom());
            }
            events.add("end");
        });
        model.append(lines(4, 6, "a"));
        assertThat(events).endsWith("end").filteredOn("end"::equals).hasSize(1);
        assertThat(texts(model.visible())).containsExactly("line 2", "line 3", "line 4", "line 5");
    }

    @Test
    void clear_dropsLinesButKeepsKnownSources() {
        LogModel model = new LogModel(10);
        model.append(lines(0, 2, "r2"));
        model.append(lines(2, 3, "r1"));
        model.clear();
        assertThat(model.size()).isZero();
        assertThat(model.visible()).isEmpty();
        assertThat(model.sources()).containsExactly("r1", "r2");
    }

    @Test
    void containsIgnoreCase_variousCases() {
        assertThat(LogModel.containsIgnoreCase("Connection REFUSED", "refused")).isTrue();
        assertThat(LogModel.containsIgnoreCase("abc", "")).isTrue();
        assertThat(LogModel.containsIgnoreCase("ab", "abc")).isFalse();
        assertThat(LogModel.containsIgnoreCase(null, "x")).isFalse();
    }
}
