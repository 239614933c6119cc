package dev.berth.app.ui.revision;

import dev.berth.runner.revision.ActiveRevisionsMode;
import dev.berth.runner.revision.RevisionControl;
import dev.berth.runner.revision.RevisionInfo;
import dev.berth.runner.revision.TrafficShare;

import java.util.List;
import java.util.Map;

/// Everything the Revisions tab shows, read together: the mode, every revision, the traffic shares and the
/// labels. Immutable; read on any thread.
record RevisionSnapshot(ActiveRevisionsMode mode, List<RevisionInfo> revisions, List<TrafficShare> traffic,
                        Map<String, String> labels) {
    static final RevisionSnapshot EMPTY = new RevisionSnapshot(ActiveRevisionsMode.SINGLE, List.of(), List.of(), Map.of());

    RevisionSnapshot {
        revisions = List.copyOf(revisions);
        traffic = List.copyOf(traffic);
        labels = Map.copyOf(labels);
    }

    /// Reads `control` now (reads never wait on an action in progress).
    static RevisionSnapshot read(RevisionControl control) {
        return new RevisionSnapshot(control.mode(), control.revisions(), control.traffic(), control.labels());
    }

    /// The active revisions' names, oldest first.
    List<String> activeNames() {
        return revisions.stream().filter(RevisionInfo::active).map(RevisionInfo::name).toList();
    }
}
