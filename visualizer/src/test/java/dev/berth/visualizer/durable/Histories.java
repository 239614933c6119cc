package dev.berth.visualizer.durable;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/// Builds histories in code, event by event, with a clock that moves forward by the milliseconds given.
final class Histories {
    static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");

    private final List<HistoryRow> rows = new ArrayList<>();
    private long millis;

    Histories started(String name, String input) {
        return add(EventKind.EXECUTION_STARTED, -1, -1, name, input, null, null);
    }

    Histories scheduled(int id, String name, String input) {
        return add(EventKind.TASK_SCHEDULED, id, -1, name, input, null, null);
    }

    Histories completed(int taskId, String output) {
        return add(EventKind.TASK_COMPLETED, -1, taskId, null, output, null, null);
    }

    Histories failed(int taskId, String failure) {
        return add(EventKind.TASK_FAILED, -1, taskId, null, null, failure, null);
    }

    Histories timer(int id) {
        return add(EventKind.TIMER_CREATED, id, -1, null, null, null, null);
    }

    Histories fired(int taskId) {
        return add(EventKind.TIMER_FIRED, -1, taskId, null, null, null, null);
    }

    Histories ended(String status, String output) {
        return add(EventKind.EXECUTION_COMPLETED, -1, -1, null, output, null, status);
    }

    Histories after(long ms) {
        millis += ms;
        return this;
    }

    List<HistoryRow> rows() {
        return List.copyOf(rows);
    }

    private Histories add(EventKind kind, int eventId, int taskId, String name, String data, String failure,
                          String status) {
        rows.add(new HistoryRow(rows.size(), eventId, kind, T0.plusMillis(millis), name, taskId, data, failure, null,
                null, status));
        millis++;
        return this;
    }

    /// A fan-out of `activities` activities in waves of `parallel`, each wave scheduled and then completed:
    /// 2 events per activity plus the start and the end, e.g. 24,999 activities for a 50,000-event history.
    static List<HistoryRow> fanOut(int activities, int parallel) {
        Histories history = new Histories().started("BigFanOut", "{\"items\":" + activities + "}");
        for (int first = 0; first < activities; first += parallel) {
            int last = Math.min(activities, first + parallel);
            for (int id = first; id < last; id++) {
                history.scheduled(id, "Process" + (id % 3), "{\"item\":" + id + "}");
            }
            history.after(40);
            for (int id = first; id < last; id++) {
                if (id % 97 == 0) {
                    history.failed(id, "java.io.IOException: item " + id + " could not be read");
                } else {
                    history.completed(id, Integer.toString(id * 2));
                }
            }
        }
        return history.ended("Completed", "\"done\"").rows();
    }
}
