package dev.berth.runner.queue;

import java.time.Instant;

/// One message of an embedded queue as Azure Storage describes it. `popReceipt` is null in a peek
/// (peeking does not dequeue); `expirationTime` is 9999-12-31T23:59:59Z for a message that never
/// expires, as Azure reports it. Immutable.
public record QueueMessage(String queue, String id, String text, Instant insertionTime, Instant expirationTime,
                           String popReceipt, Instant nextVisibleTime, long dequeueCount) {
    /// The expiration time Azure reports for a message put with a time-to-live of -1.
    public static final Instant NEVER = Instant.parse("9999-12-31T23:59:59Z");

    /// This message as a peek shows it: no pop receipt, since peeking grants no right to delete.
    public QueueMessage withoutReceipt() {
        return new QueueMessage(queue, id, text, insertionTime, expirationTime, null, nextVisibleTime, dequeueCount);
    }
}
