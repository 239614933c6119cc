package dev.berth.runner.eventgrid;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.IntFunction;

/// An [EventDelivery] that records each attempt and answers from a script keyed by the attempt number.
/// Thread-safe.
final class RecordingDelivery implements EventDelivery {
    record Call(String subscription, String eventId, int attempt) {}

    final List<Call> calls = Collections.synchronizedList(new ArrayList<>());
    private final IntFunction<Outcome> script;

    RecordingDelivery(IntFunction<Outcome> script) { this.script = script; }

    static RecordingDelivery alwaysSucceeds() { return new RecordingDelivery(attempt -> new Outcome.Delivered()); }

    static RecordingDelivery alwaysFails() { return new RecordingDelivery(attempt -> new Outcome.Failed("status 500: boom", true)); }

    @Override
    public Outcome deliver(Subscription subscription, Event event, int attempt) {
        calls.add(new Call(subscription.name(), event.id(), attempt));
        return script.apply(attempt);
    }

    List<String> deliveredPairs() {
        synchronized (calls) {
            return calls.stream().map(c -> c.subscription() + "<-" + c.eventId()).toList();
        }
    }
}
