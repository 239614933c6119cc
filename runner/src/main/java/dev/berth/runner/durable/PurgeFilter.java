package dev.berth.runner.durable;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/// Which finished instances a purge deletes: created in [from, to) and in one of `statuses` (empty = any
/// terminal status). Running instances are never purged by a filter.
public record PurgeFilter(Optional<Instant> createdFrom, Optional<Instant> createdTo, Set<RuntimeStatus> statuses) {
    public PurgeFilter {
        statuses = Set.copyOf(statuses);
    }
}
