package dev.berth.runner.queue;

/// Message counts of one queue at one instant: `visible` can be dequeued now, `invisible` are in flight
/// (or put with a visibility delay), `poison` is the total of `<queue>-poison`. Expired messages count
/// nowhere. Immutable.
public record QueueCounts(String queue, long visible, long invisible, long poison) {
    public long total() {
        return visible + invisible;
    }
}
