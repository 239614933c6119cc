package app;

import berth.durable.DurableLog;
import com.microsoft.durabletask.TaskOrchestration;
import com.microsoft.durabletask.TaskOrchestrationContext;

import java.time.Duration;

/// Monitor: polls a job's status with CheckJob every `pollSeconds` until it is Completed, then alerts
/// with SendAlert; gives up once the next poll would fall after `expirySeconds`. Between polls it waits
/// on a durable timer: the instance is unloaded meanwhile and survives restarts of the app and of Berth.
///
/// Time comes from `ctx.getCurrentInstant()`, which replays the same on every run, never from the
/// system clock. A monitor meant to run for days would `continueAsNew` every so often to keep its
/// history short; this one is bounded by its expiry.
public final class MonitorJob implements TaskOrchestration {
    /// The input: which job, when the simulated job finishes, how often to poll and when to give up.
    public record Watch(String jobId, int readyAfterSeconds, int pollSeconds, int expirySeconds) {}

    /// What a status poll shows while the monitor runs.
    public record Progress(int checks, String lastStatus) {}

    /// The output: `status` is Completed, or Expired when the monitor gave up.
    public record Outcome(String jobId, String status, int checks) {}

    /// The watch when the instance is started without input.
    static final Watch DEFAULT = new Watch("job-1", 10, 2, 60);

    @Override
    public void run(TaskOrchestrationContext ctx) {
        var input = ctx.getInput(Watch.class);
        var watch = input == null ? DEFAULT : input;
        var started = ctx.getCurrentInstant();
        var expiry = started.plusSeconds(watch.expirySeconds());
        var query = new CheckJob.Query(watch.jobId(), started.plusSeconds(watch.readyAfterSeconds()).toEpochMilli());
        for (int checks = 1; ; checks++) {
            var status = ctx.callActivity("CheckJob", query, String.class).await();
            ctx.setCustomStatus(new Progress(checks, status));
            if (status.equals(CheckJob.COMPLETED)) {
                ctx.callActivity("SendAlert", watch.jobId() + " completed (seen after " + checks + " checks)").await();
                ctx.complete(new Outcome(watch.jobId(), status, checks));
                return;
            }
            var nextCheck = ctx.getCurrentInstant().plusSeconds(watch.pollSeconds());
            if (nextCheck.isAfter(expiry)) {
                DurableLog.log(ctx, watch.jobId() + " still " + status + " at expiry; giving up");
                ctx.complete(new Outcome(watch.jobId(), "Expired", checks));
                return;
            }
            DurableLog.log(ctx, watch.jobId() + " is " + status + "; next check in " + watch.pollSeconds() + " s");
            ctx.createTimer(Duration.ofSeconds(watch.pollSeconds())).await();
        }
    }
}
