package dev.berth.visualizer.scale;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/// What the scale chart draws, per revision: replicas ready and alive, replicas the autoscaler wanted, the
/// decisions as markers, requests per second and queue length. The app feeds it from runner events; the
/// chart reads it. Each series keeps at most [#CAPACITY] corners, so a session of many hours stays small and
/// a redraw touches only what is in the window. Not thread-safe: FX thread only.
public final class ScaleHistory {
    /// Corners kept per series (about 28 hours of one change a second).
    public static final int CAPACITY = 100_000;

    /// The series of one revision.
    public static final class Track {
        final StepSeries ready = new StepSeries(0, CAPACITY);
        final StepSeries alive = new StepSeries(0, CAPACITY);
        final StepSeries desired = new StepSeries(0, CAPACITY);
        final StepSeries requests = new StepSeries(1_000, CAPACITY);
        final StepSeries queue = new StepSeries(0, CAPACITY);
        final List<ScaleMarker> markers = new ArrayList<>();
        boolean hasQueue;

        public StepSeries ready() { return ready; }

        public StepSeries alive() { return alive; }

        public StepSeries desired() { return desired; }

        /// Invocations started per second (each corner holds for one second).
        public StepSeries requests() { return requests; }

        /// Queue backlog as the autoscaler read it at its decisions.
        public StepSeries queue() { return queue; }

        public boolean hasQueue() { return hasQueue; }

        /// Decisions, oldest first.
        public List<ScaleMarker> markers() { return markers; }
    }

    private final Map<String, Track> tracks = new LinkedHashMap<>();
    private long changes;

    /// The revisions seen, in the order they first appeared.
    public List<String> revisions() { return List.copyOf(tracks.keySet()); }

    /// The series of `revision` (an empty track when it was never seen).
    public Track track(String revision) {
        var track = tracks.get(revision);
        return track == null ? new Track() : track;
    }

    /// Counts every change, so a chart redraws only when something happened.
    public long changes() { return changes; }

    public void replicas(String revision, Instant at, int ready, int alive) {
        var track = tracks(revision);
        track.ready.set(at, ready);
        track.alive.set(at, alive);
        changes++;
    }

    /// A decision: its marker, and `desired` from then on.
    public void decision(String revision, ScaleMarker marker) {
        var track = tracks(revision);
        track.desired.set(marker.at(), marker.desired());
        if (track.markers.size() == CAPACITY) track.markers.subList(0, CAPACITY / 2).clear();
        track.markers.add(marker);
        changes++;
    }

    /// One invocation started at `at` (counted in its second).
    public void request(String revision, Instant at) {
        tracks(revision).requests.add(Instant.ofEpochMilli(at.toEpochMilli() / 1_000 * 1_000), 1);
        changes++;
    }

    public void queue(String revision, Instant at, double backlog) {
        var track = tracks(revision);
        track.hasQueue = true;
        track.queue.set(at, backlog);
        changes++;
    }

    public void clear() {
        tracks.clear();
        changes++;
    }

    private Track tracks(String revision) { return tracks.computeIfAbsent(revision, r -> new Track()); }
}
