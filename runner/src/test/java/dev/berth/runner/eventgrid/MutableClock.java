package dev.berth.runner.eventgrid;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/// A clock that moves only when told to. Thread-safe.
public final class MutableClock extends Clock {
    public static final Instant START = Instant.parse("2026-11-21T12:00:00Z");
    private final AtomicReference<Instant> now = new AtomicReference<>(START);

    public void advance(Duration by) { now.updateAndGet(t -> t.plus(by)); }

    public void set(Instant to) { now.set(to); }

    @Override public ZoneId getZone() { return ZoneOffset.UTC; }

    @Override public Clock withZone(ZoneId zone) { return this; }

    @Override public Instant instant() { return now.get(); }
}
