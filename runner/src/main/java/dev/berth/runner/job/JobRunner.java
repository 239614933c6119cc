package dev.berth.runner.job;

import dev.berth.runner.container.ContainerEngine;
import dev.berth.runner.event.EventListener;
import dev.berth.runner.event.RunnerNotice;
import dev.berth.runner.project.JobSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/// Runs a project's Container Apps jobs: executions started on demand ([#start]), by their cron schedule
/// (UTC, as Container Apps) or by the backlog of their queue rules (every polling interval, one execution
/// per `queueLength` pending messages, minus the executions already running, between minExecutions and
/// maxExecutions — KEDA's default ScaledJob strategy). Every execution and attempt is recorded in the
/// [JobStore].
///
/// Threading: [#tick] does all the work (starts, checks and stops containers) on one thread — the runner's
/// own virtual thread when made with [#start], the test's thread otherwise. [#start], the queries and
/// [#subscribe] are safe from any thread; a started execution is picked up by the next tick.
public final class JobRunner implements AutoCloseable {
    /// How often the runner's thread ticks: checks replicas, timeouts, schedules and queue polls.
    static final Duration TICK = Duration.ofMillis(250);
    private static final Logger log = LoggerFactory.getLogger(JobRunner.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String SUFFIX_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789";

    /// How many messages a queue holds now (visible and in flight); 0 for a queue that does not exist.
    @FunctionalInterface
    public interface QueueDepth { long pending(String queue); }

    public record Settings(List<JobSpec> jobs, ContainerEngine engine, JobStore store, Clock clock, JobLaunch launch,
                           EventListener events, QueueDepth queues) {
        public Settings { jobs = List.copyOf(jobs); }
    }

    private final Map<String, JobSpec> jobs = new LinkedHashMap<>();
    private final JobContext context;
    private final QueueDepth queues;
    private final Queue<Execution> incoming = new ConcurrentLinkedQueue<>();
    private final List<Execution> active = new ArrayList<>();
    private final Map<String, Instant> nextFire = new HashMap<>();
    private final Map<String, Instant> nextPoll = new HashMap<>();
    private final List<JobListener> listeners = new CopyOnWriteArrayList<>();
    private volatile Thread loop;
    private volatile boolean closed;

    JobRunner(Settings settings) {
        settings.jobs().forEach(j -> jobs.put(j.name(), j));
        this.context = new JobContext(settings.engine(), settings.store(), settings.clock(), settings.launch(),
                settings.events(), listeners);
        this.queues = settings.queues();
        var now = settings.clock().instant();
        for (var job : jobs.values()) {
            job.schedule().ifPresent(s -> nextFire.put(job.name(), s.next(now, ZoneOffset.UTC)));
            if (job.event().isPresent()) nextPoll.put(job.name(), now);
        }
    }

    /// A runner ticking on its own virtual thread; executions left RUNNING by an earlier Berth are marked
    /// STOPPED first.
    public static JobRunner start(Settings settings) {
        settings.store().stopLeftovers(settings.clock().instant());
        var runner = new JobRunner(settings);
        runner.loop = Thread.ofVirtual().name("berth-jobs").start(runner::run);
        return runner;
    }

    public List<JobSpec> jobs() { return List.copyOf(jobs.values()); }

    public Optional<JobSpec> job(String name) { return Optional.ofNullable(jobs.get(name)); }

    /// Starts an execution of `job` (its replicas start on the next tick) and answers its record.
    /// @throws IllegalArgumentException when the project has no such job
    public JobExecution start(String job) {
        var spec = job(job).orElseThrow(() -> new IllegalArgumentException("No job '" + job + "'. This project has: "
                + (jobs.isEmpty() ? "none (add jobs/<name>.yaml)" : String.join(", ", jobs.keySet())) + "."));
        return begin(spec, JobSpec.Trigger.MANUAL, "started by hand");
    }

    /// The newest `limit` executions of `job` (every job when null), newest first.
    public List<JobExecution> executions(String job, int limit) { return context.store().executions(job, limit); }

    public Optional<JobExecution> execution(String name) { return context.store().execution(name); }

    /// The attempts of an execution, by replica and attempt, with their last log lines once ended.
    public List<JobAttempt> attempts(String execution) { return context.store().attempts(execution); }

    /// Tells `listener` of every change until the answer is closed.
    public AutoCloseable subscribe(JobListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /// One round: fires due schedules and queue polls, then advances every running execution.
    void tick() {
        var now = context.clock().instant();
        for (var job : jobs.values()) {
            fireSchedule(job, now);
            pollQueues(job, now);
        }
        for (Execution e; (e = incoming.poll()) != null; ) active.add(e);
        active.removeIf(Execution::step);
    }

    private void fireSchedule(JobSpec job, Instant now) {
        var due = nextFire.get(job.name());
        if (due == null || now.isBefore(due)) return;
        begin(job, JobSpec.Trigger.SCHEDULE, "cron " + job.cron().orElse("") + " due at " + due);
        nextFire.put(job.name(), job.schedule().orElseThrow().next(now, ZoneOffset.UTC));
    }

    private void pollQueues(JobSpec job, Instant now) {
        var due = nextPoll.get(job.name());
        if (due == null || now.isBefore(due)) return;
        var scale = job.event().orElseThrow();
        nextPoll.put(job.name(), now.plus(scale.pollingInterval()));
        long wanted = 0;
        var why = new StringBuilder();
        for (var rule : scale.rules()) {
            long pending = pendingIn(rule.queueName());
            wanted = Math.max(wanted, (pending + rule.queueLength() - 1) / rule.queueLength());
            why.append(why.isEmpty() ? "" : ", ").append(rule.queueName()).append(": ").append(pending).append(" pending");
        }
        long runningNow = active.stream().filter(e -> e.record().job().equals(job.name())).count()
                + incoming.stream().filter(e -> e.record().job().equals(job.name())).count();
        long target = Math.min(scale.maxExecutions(), Math.max(scale.minExecutions(), wanted));
        for (long i = runningNow; i < target; i++) {
            begin(job, JobSpec.Trigger.EVENT, why + " / " + job.event().get().rules().getFirst().queueLength()
                    + " per execution, " + runningNow + " running");
        }
    }

    private long pendingIn(String queue) {
        try {
            return queues.pending(queue);
        } catch (RuntimeException e) {
            log.debug("queue {} not counted: {}", queue, e.toString());
            return 0;
        }
    }

    private JobExecution begin(JobSpec job, JobSpec.Trigger trigger, String why) {
        var record = new JobExecution(job.name() + "-" + suffix(), job.name(), trigger, JobExecution.Status.RUNNING,
                why, context.clock().instant(), Optional.empty(), job.parallelism(), job.completionCount(), 0);
        context.save(record);
        context.notice(RunnerNotice.Level.INFO, "job " + job.name() + ": execution " + record.name() + " started ("
                + why + "; " + job.parallelism() + " at once, " + job.completionCount() + " to complete)");
        incoming.add(new Execution(job, record, context));
        return record;
    }

    private static String suffix() {
        var out = new StringBuilder();
        for (int i = 0; i < 7; i++) out.append(SUFFIX_CHARS.charAt(RANDOM.nextInt(SUFFIX_CHARS.length())));
        return out.toString();
    }

    private void run() {
        while (!closed) {
            try {
                tick();
            } catch (RuntimeException e) {
                log.warn("job runner tick failed", e);
            }
            try {
                Thread.sleep(TICK);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /// Stops the ticking, then every running execution (STOPPED, its containers removed).
    @Override
    public void close() {
        if (closed) return;
        closed = true;
        var thread = loop;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(Duration.ofSeconds(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        for (Execution e; (e = incoming.poll()) != null; ) active.add(e);
        active.forEach(e -> e.stop("the session stopped"));
        active.clear();
    }
}
