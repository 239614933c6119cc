package dev.berth.app.cli;

import dev.berth.runner.event.EventListener;
import dev.berth.runner.event.ImageBuildProgress;
import dev.berth.runner.event.InvocationFinished;
import dev.berth.runner.event.InvocationStarted;
import dev.berth.runner.event.LogLine;
import dev.berth.runner.event.OrchestrationChanged;
import dev.berth.runner.event.ReplicaStateChanged;
import dev.berth.runner.event.RunnerEvent;
import dev.berth.runner.event.RunnerNotice;

import java.io.PrintWriter;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/// Prints one line per runner event for `berth run`. The only place the CLI writes events to stdout.
/// Thread-safe: lines from concurrent events never interleave.
public final class EventPrinter implements EventListener {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    private final PrintWriter out;
    private final ZoneId zone;
    private final GpuLines gpuLines = new GpuLines();

    public EventPrinter(PrintWriter out, ZoneId zone) {
        this.out = out;
        this.zone = zone;
    }

    @Override
    public void onEvent(RunnerEvent event) {
        // A sample every two seconds per replica would drown the rest; only real moves are printed.
        if (event instanceof dev.berth.runner.event.GpuMetrics m && !gpuLines.worthPrinting(m)) return;
        var line = TIME.format(event.at().atZone(zone)) + "  " + describe(event);
        synchronized (out) {
            out.println(line);
            out.flush();
        }
    }

    static String describe(RunnerEvent event) {
        return switch (event) {
            case ImageBuildProgress p -> "build    " + p.line();
            case ReplicaStateChanged r -> "replica  " + r.replicaId() + " " + r.state()
                    + (r.containerId().isEmpty() ? "" : " (container " + shortId(r.containerId()) + ")")
                    + (r.detail().isEmpty() ? "" : ": " + r.detail());
            case InvocationStarted s -> "invoke   " + s.function() + " → " + s.replicaId() + "  " + s.summary();
            case InvocationFinished f -> "done     " + f.function() + " " + f.status()
                    + String.format(" %.1f ms", f.duration().toNanos() / 1e6)
                    + (f.replicaId().isEmpty() ? "" : " on " + f.replicaId())
                    + (f.error().isEmpty() ? "" : "  error: " + f.error());
            case LogLine l -> "log      " + (l.replicaId().isEmpty() ? "berth" : l.replicaId())
                    + ("function".equals(l.stream()) ? " (function)" : "") + " | " + l.text();
            case OrchestrationChanged o -> "durable  " + o.name() + " " + o.instanceId() + " " + o.status().azureName()
                    + "  " + o.change();
            case dev.berth.runner.event.ScaleDecision d -> "scale    " + d.revision() + " " + d.current() + " → "
                    + d.desired() + "  " + d.reason();
            case dev.berth.runner.event.RevisionChanged r -> "revision " + r.revision() + " " + r.change()
                    + (r.detail().isEmpty() ? "" : ": " + r.detail());
            case dev.berth.runner.event.TrafficChanged t -> "traffic  " + t.weights()
                    + (t.labels().isEmpty() ? "" : " labels " + t.labels()) + "  (" + t.reason() + ")";
            case dev.berth.runner.event.GpuMetrics m -> String.format(Locale.ROOT, "gpu      %s GPU %s: %.0f%% busy, %,d / %,d MiB",
                    m.replicaId(), String.join(",", m.devices()), m.utilisationPercent(), m.memoryUsedMiB(), m.memoryTotalMiB());
            case RunnerNotice n -> (n.level() == RunnerNotice.Level.INFO ? "berth    " : n.level().name().toLowerCase(Locale.ROOT) + "  ") + n.text();
        };
    }

    private static String shortId(String id) {
        return id.length() > 12 ? id.substring(0, 12) : id;
    }
}
