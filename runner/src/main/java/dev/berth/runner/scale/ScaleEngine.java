package dev.berth.runner.scale;

import dev.berth.runner.event.ScaleDecision;
import dev.berth.runner.event.ScaleDecision.RuleReading;
import dev.berth.runner.project.ContainerAppScale;
import dev.berth.runner.timer.NcrontabExpression;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/// Decides how many replicas a revision wants, as KEDA does: each rule proposes ceil(metric / target)
/// replicas (cron: its desiredReplicas inside the window; cpu/memory: HPA's ceil(current × use / target); gpu:
/// ceil(busy % of the revision's GPUs / target)),
/// the largest proposal wins, clamped to [minReplicas, maxReplicas]. While any rule is active (metric
/// above zero) at least one replica stays; scale to zero (or down to minReplicas when 0) happens only
/// after `cooldownPeriod` with every rule inactive. Requests held while no replica is ready count as
/// activity and propose one replica. Without rules, an app with HTTP functions gets Container Apps'
/// implicit http rule (10 concurrent requests).
///
/// No threads, no waiting: time comes from the injected clock. Not thread-safe (the last-active time is
/// its only state); confined to the autoscaler's thread.
public final class ScaleEngine {
    static final String IMPLICIT_HTTP = "http-default";

    private final ContainerAppScale scale;
    private final List<ContainerAppScale.Rule> rules;
    private final String revision;
    private final Clock clock;
    private Instant lastActive;

    public ScaleEngine(ContainerAppScale scale, boolean hasHttpFunctions, String revision, Clock clock) {
        this.scale = scale;
        this.rules = scale.rules().isEmpty() && hasHttpFunctions
                ? List.of(new ContainerAppScale.Http(IMPLICIT_HTTP, 10)) : scale.rules();
        this.revision = revision;
        this.clock = clock;
        this.lastActive = clock.instant(); // a revision's first replica gets a full cooldown, as in KEDA
    }

    public ScaleDecision decide(ScaleMetrics metrics, int current) {
        var now = clock.instant();
        var readings = new ArrayList<RuleReading>();
        for (var rule : rules) readings.add(read(rule, metrics, current, now));
        if (metrics.heldRequests() > 0) {
            readings.add(new RuleReading("held requests", "hold", metrics.heldRequests(), 1, 1, true));
        }
        RuleReading winner = null;
        for (var r : readings) if (r.proposal() > 0 && (winner == null || r.proposal() > winner.proposal())) winner = r;
        boolean active = readings.stream().anyMatch(RuleReading::active);
        if (active) lastActive = now;
        int raw = winner == null ? 0 : winner.proposal();
        var quiet = Duration.between(lastActive, now);
        boolean cooling = !active && current > 0 && quiet.compareTo(scale.cooldownPeriod()) < 0;
        int wanted = active || cooling ? Math.max(raw, 1) : raw;
        int desired = Math.clamp(wanted, scale.minReplicas(), scale.maxReplicas());
        var reason = reason(winner, active, cooling, quiet, wanted, desired);
        return new ScaleDecision(now, revision, current, desired, readings, winner == null ? "" : winner.rule(), reason);
    }

    private RuleReading read(ContainerAppScale.Rule rule, ScaleMetrics m, int current, Instant now) {
        return switch (rule) {
            case ContainerAppScale.Http h -> ratio(h.name(), "http", m.concurrentRequests(), h.concurrentRequests());
            case ContainerAppScale.Queue q ->
                    ratio(q.name(), "azure-queue", m.queueLengths().getOrDefault(q.queueName(), 0L), q.queueLength());
            case ContainerAppScale.Cron c -> {
                boolean in = inWindow(c, now);
                yield new RuleReading(c.name(), "cron", in ? 1 : 0, c.desiredReplicas(), in ? c.desiredReplicas() : 0, in);
            }
            case ContainerAppScale.Utilization u -> utilization(u, m, current);
        };
    }

    /// cpu/memory: HPA's ceil(current × mean use / target). gpu: ceil(total busy % of the revision's distinct
    /// GPUs / target): replicas that share a GPU each see the whole device busy, so the HPA formula would add
    /// replicas on the same GPU for ever. No reading (the meter failed, replicas still starting) keeps the
    /// current count rather than reading 0 % and scaling in under load.
    private static RuleReading utilization(ContainerAppScale.Utilization u, ScaleMetrics m, int current) {
        var type = u.resource().name().toLowerCase(Locale.ROOT);
        var reading = switch (u.resource()) {
            case CPU -> m.cpuPercent();
            case MEMORY -> m.memoryPercent();
            case GPU -> m.gpuPercent();
        };
        if (reading.isEmpty()) return new RuleReading(u.name(), type, 0, u.targetPercent(), current, current > 0);
        double use = reading.getAsDouble();
        double load = u.resource() == ContainerAppScale.Resource.GPU ? use : current * use;
        int proposal = current == 0 ? 0 : (int) Math.ceil(load / u.targetPercent() - 1e-9);
        return new RuleReading(u.name(), type, use, u.targetPercent(), proposal, proposal > 0);
    }

    private static RuleReading ratio(String name, String type, double metric, int target) {
        int proposal = (int) Math.min(Integer.MAX_VALUE, Math.ceil(metric / target));
        return new RuleReading(name, type, metric, target, proposal, metric > 0);
    }

    /// KEDA's cron scaler: inside the window when the next `end` comes before the next `start`.
    static boolean inWindow(ContainerAppScale.Cron cron, Instant now) {
        var start = NcrontabExpression.parse("0 " + cron.start()).next(now, cron.timezone());
        var end = NcrontabExpression.parse("0 " + cron.end()).next(now, cron.timezone());
        return end.isBefore(start);
    }

    private String reason(RuleReading winner, boolean active, boolean cooling, Duration quiet, int wanted, int desired) {
        String why;
        if (winner != null) why = explain(winner);
        else if (cooling) why = "no rule active for " + quiet.toSeconds() + " s; scale to zero after cooldownPeriod "
                + scale.cooldownPeriod().toSeconds() + " s → 1 replica";
        else if (!active && rules.isEmpty()) why = "no scale rule → " + plural(wanted);
        else why = "no rule active for " + quiet.toSeconds() + " s (cooldownPeriod " + scale.cooldownPeriod().toSeconds()
                + " s) → " + plural(wanted);
        if (desired < wanted) why += ", capped at max " + scale.maxReplicas();
        else if (desired > wanted) why += ", raised to min " + scale.minReplicas();
        return why;
    }

    private static String explain(RuleReading r) {
        var result = " → " + plural(r.proposal());
        return switch (r.type()) {
            case "http" -> number(r.metric()) + " concurrent requests / target " + number(r.target()) + result;
            case "azure-queue" -> "queue backlog " + number(r.metric()) + " / target " + number(r.target()) + result;
            case "cron" -> "cron rule " + r.rule() + " in its window" + result;
            case "hold" -> plural((int) r.metric()).replace("replica", "request") + " waiting with no replica ready"
                    + " (scale from zero)" + result;
            // Only a missing reading proposes replicas at 0 % (a real 0 % proposes none).
            default -> r.metric() == 0 && r.proposal() > 0 ? r.type() + ": no reading yet, keeping " + plural(r.proposal())
                    : r.type() + " " + number(r.metric()) + "% / target " + number(r.target()) + "%" + result;
        };
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }

    private static String plural(int n) { return n + (n == 1 ? " replica" : " replicas"); }
}
