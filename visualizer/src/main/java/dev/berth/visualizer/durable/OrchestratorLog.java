package dev.berth.visualizer.durable;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/// The log lines one orchestration instance's orchestrator printed, with replays folded in. An orchestrator
/// runs again from the top for every new event and prints its earlier lines once more, flagged as replay;
/// this keeps each line once, as it was first executed, and counts how often it was replayed ("×3 replays").
/// A replayed line is matched to a first execution of the same text: the k-th replay of a text within one
/// replay pass to its k-th first execution (a pass starts where a replayed line follows a first execution).
/// A replayed line that was never seen first-hand (Berth was not listening then) shows once, as a replay,
/// with its own count. Keeps the newest `capacity` entries. Not thread-safe (the app uses it on the FX
/// thread); no JavaFX.
public final class OrchestratorLog {
    /// One line as shown: when it was first seen, its text, whether that was its first execution, and how
    /// many times it was replayed since.
    public record Entry(Instant at, String text, boolean firstExecution, int replays) {
        /// "first execution", "first execution · ×2 replays" or "replay · ×3".
        public String marker() {
            if (firstExecution) {
                return replays == 0 ? "first execution" : "first execution · ×" + replays + " replay" + (replays == 1 ? "" : "s");
            }
            return "replay · ×" + replays;
        }
    }

    private final int capacity;
    private final ArrayDeque<Line> lines = new ArrayDeque<>();
    private final Map<String, List<Line>> firstExecutions = new HashMap<>();
    private final Map<String, Line> replayOnly = new HashMap<>();
    private final Map<String, Integer> cursors = new HashMap<>();
    private boolean lastWasFirstExecution;

    public OrchestratorLog(int capacity) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("capacity must be positive, was " + capacity);
        }
        this.capacity = capacity;
    }

    /// One line as the orchestrator printed it; `replay` is the SDK's "is replaying" flag.
    public void add(Instant at, boolean replay, String text) {
        if (!replay) {
            Line line = new Line(at, text, true);
            firstExecutions.computeIfAbsent(text, key -> new ArrayList<>()).add(line);
            append(line);
            lastWasFirstExecution = true;
            return;
        }
        if (lastWasFirstExecution) {
            cursors.clear(); // a new pass of the orchestrator starts by replaying
            lastWasFirstExecution = false;
        }
        List<Line> firsts = firstExecutions.get(text);
        if (firsts == null || firsts.isEmpty()) {
            Line seen = replayOnly.get(text);
            if (seen == null) {
                seen = new Line(at, text, false);
                replayOnly.put(text, seen);
                append(seen);
            }
            seen.replays++;
            return;
        }
        int cursor = cursors.getOrDefault(text, 0);
        if (cursor >= firsts.size()) {
            cursors.clear(); // more replays of this text than it ran: a pass that printed nothing new ended
            cursor = 0;
        }
        firsts.get(cursor).replays++;
        cursors.put(text, cursor + 1);
    }

    /// The lines, oldest first.
    public List<Entry> entries() {
        List<Entry> entries = new ArrayList<>(lines.size());
        for (Line line : lines) {
            entries.add(new Entry(line.at, line.text, line.firstExecution, line.replays));
        }
        return entries;
    }

    public int size() {
        return lines.size();
    }

    private void append(Line line) {
        lines.addLast(line);
        if (lines.size() > capacity) {
            Line oldest = lines.removeFirst();
            if (oldest.firstExecution) {
                List<Line> same = firstExecutions.get(oldest.text);
                same.removeFirst();
                cursors.computeIfPresent(oldest.text, (text, cursor) -> Math.max(0, cursor - 1));
            } else {
                replayOnly.remove(oldest.text);
            }
        }
    }

    private static final class Line {
        private final Instant at;
        private final String text;
        private final boolean firstExecution;
        private int replays;

        private Line(Instant at, String text, boolean firstExecution) {
            this.at = at;
            this.text = text;
            this.firstExecution = firstExecution;
        }
    }
}
