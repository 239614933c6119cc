package dev.berth.runner.session;

import dev.berth.runner.event.EventListener;
import dev.berth.runner.event.RunnerEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/// Hands each event to every listener; one listener's failure never stops the others. Thread-safe.
final class Fanout implements EventListener {
    private static final Logger log = LoggerFactory.getLogger(Fanout.class);
    private final List<EventListener> listeners;

    Fanout(List<EventListener> listeners) { this.listeners = List.copyOf(listeners); }

    @Override
    public void onEvent(RunnerEvent event) {
        for (var listener : listeners) {
            try {
                listener.onEvent(event);
            } catch (RuntimeException e) {
                log.warn("event listener {} failed on {}", listener, event.getClass().getSimpleName(), e);
            }
        }
    }
}
