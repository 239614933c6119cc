package dev.berth.runner.durable;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/// Which instances a list asks for: any of `statuses` (empty = all), created in [from, to), ids starting
/// with `idPrefix` (empty = all); at most `top` per page (0 = 100), after `continuation` (from the previous
/// page); `withPayloads` includes inputs and outputs. Newest first.
public record InstanceQuery(Set<RuntimeStatus> statuses, Optional<Instant> createdFrom, Optional<Instant> createdTo,
                            String idPrefix, int top, Optional<String> continuation, boolean withPayloads) {
    public InstanceQuery {
        statuses = Set.copyOf(statuses);
        idPrefix = idPrefix == null ? "" : idPrefix;
    }

    public static InstanceQuery all() {
        return new InstanceQuery(Set.of(), Optional.empty(), Optional.empty(), "", 0, Optional.empty(), false);
    }
}
