package dev.berth.visualizer.durable;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/// Builds an instance's [Timeline] from its history, in one pass in history order (O(n log n), so a history
/// of 50,000 events takes milliseconds). Results are matched to what they answer by id: TaskCompleted and
/// TaskFailed to the TaskScheduled whose `eventId` is their `taskId`, likewise sub-orchestrations and
/// timers. An event raised or sent is a point. An activity (or sub-orchestration) scheduled again with the
/// same name and input after one failed is its retry: the next attempt, on the failed call's lane when that
/// is still free. Lanes are packed per name: a call takes the first lane of its name whose previous call
/// had ended when it was scheduled, so a chain of calls shares one lane and a fan-out spreads over as many
/// as run at once. The decision looks only at earlier events, so a growing history never moves a bar.
/// Not thread-safe; use one per build (the static [#build] does).
public final class TimelineModel {
    private static final String TERMINATED = "terminated";
    private final List<LaneSlot> lanes = new ArrayList<>();
    private final Map<String, PriorityQueue<Integer>> freeLanes = new HashMap<>();
    private final Map<String, Integer> pointLanes = new HashMap<>();
    private final Map<Integer, Call> openTasks = new HashMap<>();
    private final Map<Integer, Call> openSubOrchestrations = new HashMap<>();
    private final Map<Integer, Call> openTimers = new HashMap<>();
    private final Map<String, ArrayDeque<Call>> failedCalls = new HashMap<>();
    private final List<String> problems = new ArrayList<>();
    private Call execution;
    private Call suspension;
    private int executions;
    private int episodes;
    private String name = "";

    private TimelineModel() {
        lanes.add(new LaneSlot("orchestration", Bar.Kind.ORCHESTRATION));
    }

    /// The timeline of `history` (any order; it is sorted by `sequence`).
    public static Timeline build(List<HistoryRow> history) {
        if (history.isEmpty()) {
            return Timeline.EMPTY;
        }
        List<HistoryRow> ordered = new ArrayList<>(history);
        ordered.sort(Comparator.comparingInt(HistoryRow::sequence));
        TimelineModel model = new TimelineModel();
        ordered.forEach(model::apply);
        return model.result(ordered);
    }

    private void apply(HistoryRow row) {
        switch (row.kind()) {
            case EXECUTION_STARTED -> startExecution(row);
            case EXECUTION_COMPLETED -> endExecution(row, executionState(row), executionNote(row));
            case EXECUTION_TERMINATED -> endExecution(row, Bar.State.CANCELED, TERMINATED);
            case CONTINUE_AS_NEW -> endExecution(row, Bar.State.COMPLETED, "continued as new");
            case TASK_SCHEDULED -> schedule(row, Bar.Kind.ACTIVITY, openTasks);
            case SUB_ORCHESTRATION_CREATED -> schedule(row, Bar.Kind.SUB_ORCHESTRATION, openSubOrchestrations);
            case TIMER_CREATED -> schedule(row, Bar.Kind.TIMER, openTimers);
            case TASK_COMPLETED -> finish(row, openTasks, Bar.State.COMPLETED);
            case TASK_FAILED -> finish(row, openTasks, Bar.State.FAILED);
            case SUB_ORCHESTRATION_COMPLETED -> finish(row, openSubOrchestrations, Bar.State.COMPLETED);
            case SUB_ORCHESTRATION_FAILED -> finish(row, openSubOrchestrations, Bar.State.FAILED);
            case TIMER_FIRED -> finish(row, openTimers, Bar.State.COMPLETED);
            case EVENT_RAISED -> point(row, Bar.Kind.EVENT_RAISED, "event: ");
            case EVENT_SENT -> point(row, Bar.Kind.EVENT_SENT, "send: ");
            case EXECUTION_SUSPENDED -> suspend(row);
            case EXECUTION_RESUMED -> resume(row);
            case ORCHESTRATOR_STARTED -> episodes++;
            case ORCHESTRATOR_COMPLETED, GENERIC -> { }
        }
    }

    private void startExecution(HistoryRow row) {
        if (execution != null && execution.end == null) {
            // A new execution without an end of the old one: the backend kept a continue-as-new's events.
            endExecution(row, Bar.State.COMPLETED, "continued as new");
        }
        if (row.name() != null && !row.name().isEmpty()) {
            name = row.name();
            lanes.getFirst().label = name;
        }
        execution = new Call(Bar.Kind.ORCHESTRATION, name, row.data(), row);
        execution.attempt = ++executions;
        execution.lane = 0;
        lanes.getFirst().calls.add(execution);
    }

    private void endExecution(HistoryRow row, Bar.State state, String note) {
        if (execution != null && execution.end != null && TERMINATED.equals(execution.note)
                && row.kind() == EventKind.EXECUTION_COMPLETED) {
            return; // the runtime's ExecutionCompleted(Terminated) after the ExecutionTerminated it answers
        }
        if (execution == null || execution.end != null) {
            problems.add(row.kind().eventType() + " (event " + row.sequence() + ") ends no running execution");
            return;
        }
        execution.close(row, state);
        execution.output = row.data();
        execution.error = row.failure();
        execution.note = note;
        String why = "the orchestration " + (note == null ? state.name().toLowerCase(java.util.Locale.ROOT) : note)
                + " first";
        for (Map<Integer, Call> open : List.of(openTasks, openSubOrchestrations, openTimers)) {
            open.values().forEach(call -> abandon(call, row, why));
            open.clear();
        }
        if (suspension != null) {
            suspension.close(row, Bar.State.COMPLETED);
            suspension = null;
        }
        failedCalls.clear();
    }

    private void abandon(Call call, HistoryRow row, String why) {
        call.close(row, Bar.State.CANCELED);
        call.note = "not finished: " + why;
    }

    private void schedule(HistoryRow row, Bar.Kind kind, Map<Integer, Call> open) {
        String callName = kind == Bar.Kind.TIMER ? "timer" : nameOf(row);
        Call call = new Call(kind, callName, row.data(), row);
        call.target = row.target();
        call.fireAt = row.fireAt();
        int preferred = -1;
        if (kind != Bar.Kind.TIMER) {
            ArrayDeque<Call> failed = failedCalls.get(call.retryKey());
            Call previous = failed == null ? null : failed.pollFirst();
            if (previous != null) {
                call.attempt = previous.attempt + 1;
                preferred = previous.lane;
            }
        }
        String label = switch (kind) {
            case SUB_ORCHESTRATION -> "sub: " + callName;
            default -> callName;
        };
        call.lane = allocate(kind, callName, label, preferred);
        lanes.get(call.lane).calls.add(call);
        Call replaced = open.put(row.eventId(), call);
        if (replaced != null) {
            problems.add(row.kind().eventType() + " (event " + row.sequence() + ") reuses id " + row.eventId()
                    + " of a call still open");
        }
    }

    private void finish(HistoryRow row, Map<Integer, Call> open, Bar.State state) {
        Call call = open.remove(row.taskId());
        if (call == null) {
            problems.add(row.kind().eventType() + " (event " + row.sequence() + ") answers id " + row.taskId()
                    + ", which is not open");
            return;
        }
        call.close(row, state);
        if (call.kind == Bar.Kind.TIMER) {
            call.fireAt = call.fireAt == null ? row.fireAt() : call.fireAt;
        } else if (state == Bar.State.FAILED) {
            call.error = row.failure() == null ? "failed" : row.failure();
            failedCalls.computeIfAbsent(call.retryKey(), key -> new ArrayDeque<>()).addLast(call);
        } else {
            call.output = row.data();
        }
        freeLanes.get(call.kind + ":" + call.name).add(call.lane);
    }

    private void point(HistoryRow row, Bar.Kind kind, String prefix) {
        Call call = new Call(kind, nameOf(row), null, row);
        call.close(row, Bar.State.COMPLETED);
        call.output = row.data();
        call.target = row.target();
        call.lane = pointLanes.computeIfAbsent(kind + ":" + call.name, key -> {
            lanes.add(new LaneSlot(prefix + call.name, kind));
            return lanes.size() - 1;
        });
        lanes.get(call.lane).calls.add(call);
    }

    private void suspend(HistoryRow row) {
        if (suspension != null) {
            return; // suspended twice: the first one still holds
        }
        suspension = new Call(Bar.Kind.SUSPENSION, "suspended", null, row);
        suspension.output = row.data();
        suspension.lane = allocate(Bar.Kind.SUSPENSION, "suspended", "suspended", -1);
        lanes.get(suspension.lane).calls.add(suspension);
    }

    private void resume(HistoryRow row) {
        if (suspension == null) {
            problems.add("ExecutionResumed (event " + row.sequence() + ") resumes an instance that is not suspended");
            return;
        }
        suspension.close(row, Bar.State.COMPLETED);
        freeLanes.get(Bar.Kind.SUSPENSION + ":suspended").add(suspension.lane);
        suspension = null;
    }

    /// The first free lane of that kind and name (`preferred` when it is free), else a new one.
    private int allocate(Bar.Kind kind, String callName, String label, int preferred) {
        PriorityQueue<Integer> free = freeLanes.computeIfAbsent(kind + ":" + callName, key -> new PriorityQueue<>());
        if (preferred >= 0 && free.remove(preferred)) {
            return preferred;
        }
        Integer lane = free.poll();
        if (lane != null) {
            return lane;
        }
        lanes.add(new LaneSlot(label, kind));
        return lanes.size() - 1;
    }

    private Timeline result(List<HistoryRow> ordered) {
        List<Lane> laneList = new ArrayList<>(lanes.size());
        List<Bar> bars = new ArrayList<>();
        int[] offsets = new int[lanes.size() + 1];
        for (int i = 0; i < lanes.size(); i++) {
            LaneSlot slot = lanes.get(i);
            laneList.add(new Lane(i, slot.label, slot.kind));
            offsets[i] = bars.size();
            for (Call call : slot.calls) {
                bars.add(call.toBar(bars.size()));
            }
        }
        offsets[lanes.size()] = bars.size();
        if (lanes.getFirst().calls.isEmpty()) {
            problems.add("no ExecutionStarted: the history does not begin at the start of an execution");
        }
        boolean running = execution != null ? execution.end == null
                : !(openTasks.isEmpty() && openSubOrchestrations.isEmpty() && openTimers.isEmpty());
        java.time.Instant last = ordered.stream().map(HistoryRow::timestamp).max(java.time.Instant::compareTo)
                .orElseThrow();
        // The earliest time, not the first event's: an ExecutionStarted is stamped when the instance was
        // created, before the first episode that records it.
        java.time.Instant first = ordered.stream().map(HistoryRow::timestamp).min(java.time.Instant::compareTo)
                .orElseThrow();
        return new Timeline(name, laneList, bars, offsets, first, last, running, episodes, problems);
    }

    private static Bar.State executionState(HistoryRow row) {
        String status = row.status() == null ? "" : row.status();
        return switch (status.toLowerCase(java.util.Locale.ROOT)) {
            case "failed" -> Bar.State.FAILED;
            case "terminated", "canceled" -> Bar.State.CANCELED;
            case "completed", "continuedasnew" -> Bar.State.COMPLETED;
            default -> row.failure() != null ? Bar.State.FAILED : Bar.State.COMPLETED;
        };
    }

    private static String nameOf(HistoryRow row) {
        return row.name() == null || row.name().isEmpty() ? "(unnamed)" : row.name();
    }

    private static String executionNote(HistoryRow row) {
        return "ContinuedAsNew".equalsIgnoreCase(row.status()) ? "continued as new" : null;
    }

    /// A lane while it is built: its label may change (lane 0 learns the orchestration's name).
    private static final class LaneSlot {
        private String label;
        private final Bar.Kind kind;
        private final List<Call> calls = new ArrayList<>();

        private LaneSlot(String label, Bar.Kind kind) {
            this.label = label;
            this.kind = kind;
        }
    }

    /// A bar while it is built.
    private static final class Call {
        private final Bar.Kind kind;
        private final String name;
        private final String input;
        private final java.time.Instant start;
        private final int firstSequence;
        private int lane;
        private int attempt = 1;
        private java.time.Instant end;
        private Bar.State state = Bar.State.RUNNING;
        private String output;
        private String error;
        private String note;
        private String target;
        private java.time.Instant fireAt;
        private int lastSequence = -1;

        private Call(Bar.Kind kind, String name, String input, HistoryRow opened) {
            this.kind = kind;
            this.name = name;
            this.input = input;
            this.start = opened.timestamp();
            this.firstSequence = opened.sequence();
        }

        private void close(HistoryRow row, Bar.State how) {
            end = row.timestamp().isBefore(start) ? start : row.timestamp();
            state = how;
            lastSequence = row.sequence();
        }

        private String retryKey() {
            return kind + "\u0000" + name + "\u0000" + input;
        }

        private Bar toBar(int id) {
            return new Bar(id, kind, name, lane, attempt, start, end, state, input, output, error, note, target, fireAt,
                    firstSequence, lastSequence);
        }
    }
}
