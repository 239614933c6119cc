package dev.berth.runner.event;

/// Receives runner events. Called on runner threads (often virtual threads), possibly concurrently:
/// implementations must be thread-safe and must not block.
@FunctionalInterface
public interface EventListener {
    void onEvent(RunnerEvent event);
}
