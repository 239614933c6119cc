package app;

import berth.durable.DurableLog;
import com.microsoft.durabletask.Task;
import com.microsoft.durabletask.TaskOrchestration;
import com.microsoft.durabletask.TaskOrchestrationContext;

import java.util.ArrayList;

/// Fan-out/fan-in: schedules Square for 1..count all at once (fan-out), waits for every result
/// (`allOf`, fan-in) and returns their sum. The input is the count; none means 10.
///
/// The activities run in parallel on as many workers as there are; the orchestrator sleeps meanwhile
/// and wakes as results arrive, replaying what it already has. It must schedule the same tasks in the
/// same order on every run, so it works only from its input and the results.
public final class FanOutFanIn implements TaskOrchestration {
    static final int DEFAULT_COUNT = 10;

    /// The output: how many activities ran and the sum of their results.
    public record Total(int count, long sum) {}

    @Override
    public void run(TaskOrchestrationContext ctx) {
        Integer input = ctx.getInput(Integer.class);
        int count = input == null ? DEFAULT_COUNT : input;
        DurableLog.log(ctx, "fanning out to " + count + " Square activities");
        var squares = new ArrayList<Task<Long>>();
        for (int n = 1; n <= count; n++) squares.add(ctx.callActivity("Square", n, Long.class));
        long sum = 0;
        for (long square : ctx.allOf(squares).await()) sum += square;
        DurableLog.log(ctx, "fanned in: sum of " + count + " squares is " + sum);
        ctx.complete(new Total(count, sum));
    }
}
