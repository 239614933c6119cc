package dev.berth.runner.revision;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/// Names new revisions and finds rollback targets. Stateless.
final class RevisionNames {
    private RevisionNames() {}

    /// `<app>--<revisionSuffix>` when the file sets a suffix not used yet in this session; otherwise
    /// `<app>--<first 7 hex of the content hash>` (Container Apps generates a suffix too), with `-2`, `-3`…
    /// when that is taken (the files went back to an earlier state).
    static String next(String app, RevisionSource.Snapshot snapshot, Collection<String> taken) {
        var wanted = snapshot.config().revisionSuffix().map(s -> app + "--" + s).filter(n -> !taken.contains(n));
        if (wanted.isPresent()) return wanted.get();
        var base = app + "--" + snapshot.contentHash().substring(0, Math.min(7, snapshot.contentHash().length()));
        var name = base;
        for (int n = 2; taken.contains(name); n++) name = base + "-" + n;
        return name;
    }

    /// The revision that was primary before the current primary (the one with most weight in `table`), if
    /// it can still run; else the newest such revision created before it.
    static Optional<String> rollbackTarget(List<String> primaries, List<String> created, TrafficTable table,
                                           Predicate<String> runnable) {
        var current = table.weights().entrySet().stream().max(java.util.Map.Entry.comparingByValue())
                .map(java.util.Map.Entry::getKey).orElse("");
        for (int i = primaries.size() - 1; i >= 0; i--) {
            var name = primaries.get(i);
            if (!name.equals(current) && runnable.test(name)) return Optional.of(name);
        }
        int at = created.indexOf(current);
        for (int i = (at < 0 ? created.size() : at) - 1; i >= 0; i--) {
            if (runnable.test(created.get(i))) return Optional.of(created.get(i));
        }
        return Optional.empty();
    }
}
