package dev.berth.app.cli;

import dev.berth.runner.event.GpuMetrics;

import java.util.HashMap;
import java.util.Map;

/// Decides which GPU samples `berth run` prints: a replica's first, then one whenever its utilisation moved
/// by [#UTILISATION_STEP] points or its memory by [#MEMORY_STEP] points of its devices' total since the
/// last line printed for it. Thread-safe.
final class GpuLines {
    static final double UTILISATION_STEP = 10;
    static final double MEMORY_STEP = 10;

    private final Map<String, GpuMetrics> printed = new HashMap<>();

    synchronized boolean worthPrinting(GpuMetrics sample) {
        var last = printed.get(sample.replicaId());
        boolean moved = last == null
                || Math.abs(sample.utilisationPercent() - last.utilisationPercent()) >= UTILISATION_STEP
                || Math.abs(sample.memoryPercent() - last.memoryPercent()) >= MEMORY_STEP;
        if (moved) printed.put(sample.replicaId(), sample);
        return moved;
    }
}
