package dev.berth.visualizer;

import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/// Collects items from any thread and hands them over in batches, at most once per `periodMillis`, on
/// `target` (the FX executor), so a stream of 10k items/s costs ~20 UI updates/s. Thread-safe.
public final class Coalescer<T> implements AutoCloseable {
    public Coalescer(long periodMillis, Executor target, Consumer<List<T>> sink) { }

    public void add(T item) { }

    @Override public void close() { }
}
