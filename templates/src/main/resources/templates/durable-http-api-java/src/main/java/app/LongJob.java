package app;

import berth.durable.DurableLog;
import com.microsoft.durabletask.TaskOrchestration;
import com.microsoft.durabletask.TaskOrchestrationContext;

import java.util.ArrayList;
import java.util.List;

/// The long-running work behind the async HTTP API: processes `steps` chunks one after another and
/// reports its progress as the instance's custom status, which every status poll returns
/// (`customStatus: {"done": 2, "of": 5}`). The output lists what each chunk produced.
public final class LongJob implements TaskOrchestration {
    /// The input, written by HttpStart.
    public record Job(int steps, int secondsPerStep) {}

    /// The job when the instance is started without input.
    static final Job DEFAULT = new Job(5, 2);

    /// What a status poll shows while the job runs.
    public record Progress(int done, int of) {}

    /// The output.
    public record Result(int steps, List<String> chunks) {}

    @Override
    public void run(TaskOrchestrationContext ctx) {
        var input = ctx.getInput(Job.class);
        var job = input == null ? DEFAULT : input;
        var chunks = new ArrayList<String>();
        for (int step = 1; step <= job.steps(); step++) {
            // Set before the await: the status is saved when the orchestrator stops to wait.
            ctx.setCustomStatus(new Progress(step - 1, job.steps()));
            DurableLog.log(ctx, "processing chunk " + step + " of " + job.steps());
            var chunk = new ProcessChunk.Chunk(step, job.secondsPerStep());
            chunks.add(ctx.callActivity("ProcessChunk", chunk, String.class).await());
        }
        ctx.setCustomStatus(new Progress(job.steps(), job.steps()));
        DurableLog.log(ctx, "all " + job.steps() + " chunks processed");
        ctx.complete(new Result(job.steps(), chunks));
    }
}
