package dev.berth.visualizer.durable;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/// An instance's timeline as [TimelineModel] builds it from the history: lanes in the order they were first
/// used (lane 0 is the orchestration), and the bars ordered by lane and, within a lane, by start. `start` is
/// the first event's time, `lastEvent` the latest; `running` is true while the orchestration has not ended
/// (its bars may still grow). `problems` lists history events that answer nothing (a result for a task that
/// was never scheduled), which a recorded history should not have. Immutable; any thread.
public final class Timeline {
    /// The timeline of an empty history.
    public static final Timeline EMPTY = new Timeline("", List.of(), List.of(), new int[] {0}, null, null, false,
            0, List.of());

    private final String name;
    private final List<Lane> lanes;
    private final List<Bar> bars;
    private final int[] laneOffsets;
    private final Instant start;
    private final Instant lastEvent;
    private final boolean running;
    private final int episodes;
    private final List<String> problems;

    /// `laneOffsets[i]` is the index of lane i's first bar in `bars`; it has one more entry than `lanes`.
    Timeline(String name, List<Lane> lanes, List<Bar> bars, int[] laneOffsets, Instant start, Instant lastEvent,
             boolean running, int episodes, List<String> problems) {
        this.name = name;
        this.lanes = List.copyOf(lanes);
        this.bars = List.copyOf(bars);
        this.laneOffsets = laneOffsets.clone();
        this.start = start;
        this.lastEvent = lastEvent;
        this.running = running;
        this.episodes = episodes;
        this.problems = List.copyOf(problems);
    }

    /// The orchestration's name ("" for an empty history).
    public String name() {
        return name;
    }

    public List<Lane> lanes() {
        return lanes;
    }

    public List<Bar> bars() {
        return bars;
    }

    /// The bars of lane `lane`, by start.
    public List<Bar> barsOf(int lane) {
        return bars.subList(laneOffsets[lane], laneOffsets[lane + 1]);
    }

    /// The earliest event time; null for an empty history.
    public Instant start() {
        return start;
    }

    /// The latest event's time; null for an empty history.
    public Instant lastEvent() {
        return lastEvent;
    }

    /// Where the timeline ends when looked at `now`: the last event, or `now` while it runs.
    public Instant end(Instant now) {
        if (lastEvent == null) {
            return now;
        }
        return running && now.isAfter(lastEvent) ? now : lastEvent;
    }

    /// How much time the timeline spans at `now`; never zero, so a view can divide by it.
    public Duration span(Instant now) {
        if (start == null) {
            return Duration.ofSeconds(1);
        }
        Duration span = Duration.between(start, end(now));
        return span.compareTo(Duration.ofMillis(1)) < 0 ? Duration.ofMillis(1) : span;
    }

    public boolean running() {
        return running;
    }

    /// How many times the orchestrator ran (OrchestratorStarted events): each run replays the earlier ones.
    public int episodes() {
        return episodes;
    }

    public List<String> problems() {
        return problems;
    }

    public boolean isEmpty() {
        return bars.isEmpty();
    }
}
