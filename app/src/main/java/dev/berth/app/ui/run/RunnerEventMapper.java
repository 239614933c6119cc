package dev.berth.app.ui.run;

import dev.berth.runner.event.ImageBuildProgress;
import dev.berth.runner.event.InvocationFinished;
import dev.berth.runner.event.InvocationStarted;
import dev.berth.runner.event.LogLine;
import dev.berth.runner.event.OrchestrationChanged;
import dev.berth.runner.event.ReplicaStateChanged;
import dev.berth.runner.event.RunnerEvent;
import dev.berth.runner.event.RunnerNotice;
import dev.berth.visualizer.InvocationRow;
import dev.berth.visualizer.LogEntry;

import java.util.Locale;
import java.util.Optional;

/// Turns runner events into what the visualizer controls show. Stateless and thread-safe; replica rows,
/// which need the history of a replica, come from `ReplicaBoard`.
public final class RunnerEventMapper {
    /// Log source of the runner's own notices.
    public static final String BERTH_SOURCE = "berth";
    /// Log source of image build output.
    public static final String BUILD_SOURCE = "build";

    /// The log line an event shows as, if any (an invocation is shown once, when it finishes).
    public Optional<LogEntry> toLog(RunnerEvent event) {
        return switch (event) {
            case LogLine l -> Optional.of(new LogEntry(l.at(), l.replicaId(), l.stream(), l.text()));
            case ImageBuildProgress b -> Optional.of(new LogEntry(b.at(), BUILD_SOURCE, "build", b.line()));
            case RunnerNotice n -> Optional.of(new LogEntry(n.at(), BERTH_SOURCE,
                    n.level().name().toLowerCase(Locale.ROOT), n.text()));
            case ReplicaStateChanged r -> Optional.of(new LogEntry(r.at(), r.replicaId(), "berth",
                    "replica " + r.replicaId() + " " + r.state() + (r.detail().isEmpty() ? "" : ": " + r.detail())));
            case InvocationStarted ignored -> Optional.empty();
            case dev.berth.runner.event.GpuMetrics ignored -> Optional.empty(); // every 2 s per replica: a chart, not log lines
            case OrchestrationChanged ignored -> Optional.empty(); // the Orchestrations tab shows these
            case dev.berth.runner.event.ScaleDecision d -> Optional.of(new LogEntry(d.at(), BERTH_SOURCE, "scale",
                    d.current() + " → " + d.desired() + " replicas: " + d.reason()));
            case dev.berth.runner.event.RevisionChanged r -> Optional.of(new LogEntry(r.at(), BERTH_SOURCE, "berth",
                    "revision " + r.revision() + " " + r.change() + (r.detail().isEmpty() ? "" : ": " + r.detail())));
            case dev.berth.runner.event.TrafficChanged t -> Optional.of(new LogEntry(t.at(), BERTH_SOURCE, "berth",
                    "traffic " + t.weights() + (t.labels().isEmpty() ? "" : " labels " + t.labels()) + " (" + t.reason() + ")"));
            case InvocationFinished f -> Optional.of(new LogEntry(f.at(), f.replicaId(), "invocation",
                    f.function() + " → " + f.status() + " in " + f.duration().toMillis() + " ms"
                            + (f.error().isEmpty() ? "" : " (" + f.error() + ")")));
        };
    }

    /// The invocation table row of a finished invocation.
    public Optional<InvocationRow> toInvocation(RunnerEvent event) {
        if (!(event instanceof InvocationFinished f)) return Optional.empty();
        return Optional.of(new InvocationRow(f.at(), f.invocationId(), f.function(), f.replicaId(), f.status(),
                f.duration(), f.error(), f.request(), f.response()));
    }
}
