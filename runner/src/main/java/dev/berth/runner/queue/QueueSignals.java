package dev.berth.runner.queue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/// In-process listeners for "messages were added to queue X". Listeners run on the thread that put
/// the messages, right after the commit, so they must only signal (never block). Thread-safe.
final class QueueSignals {
    private final Map<String, List<Runnable>> listeners = new ConcurrentHashMap<>();

    QueueStore.Subscription subscribe(String queue, Runnable listener) {
        listeners.computeIfAbsent(queue, q -> new CopyOnWriteArrayList<>()).add(listener);
        return () -> {
            var list = listeners.get(queue);
            if (list != null) list.remove(listener);
        };
    }

    /// Every subscribed queue: another connection committed, and which queue it touched is unknown.
    void addedAnywhere() {
        listeners.values().forEach(list -> list.forEach(Runnable::run));
    }

    void added(String queue) {
        var list = listeners.get(queue);
        if (list != null) list.forEach(Runnable::run);
    }
}
