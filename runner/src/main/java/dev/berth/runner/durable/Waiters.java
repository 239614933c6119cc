package dev.berth.runner.durable;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

/// Clients waiting for an instance to reach a status (WaitForInstanceStart/Completion, the HTTP API's
/// waits). Guarded by the engine's lock.
final class Waiters {
    private record Waiter(Predicate<RuntimeStatus> until, CompletableFuture<InstanceInfo> future) {}

    private final Map<InstanceKey, List<Waiter>> waiting = new HashMap<>();

    void add(InstanceKey key, Predicate<RuntimeStatus> until, CompletableFuture<InstanceInfo> future) {
        waiting.computeIfAbsent(key, k -> new ArrayList<>()).add(new Waiter(until, future));
    }

    /// Completes the waits `info` satisfies; drops those already cancelled.
    void changed(InstanceKey key, InstanceInfo info) {
        var list = waiting.get(key);
        if (list == null) return;
        list.removeIf(w -> {
            if (w.future().isDone()) return true;
            if (!w.until().test(info.status())) return false;
            w.future().complete(info);
            return true;
        });
        if (list.isEmpty()) waiting.remove(key);
    }

    void cancelAll() {
        waiting.values().forEach(list -> list.forEach(w -> w.future().cancel(false)));
        waiting.clear();
    }
}
