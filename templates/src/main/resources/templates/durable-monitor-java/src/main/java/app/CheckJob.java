package app;

import com.microsoft.durabletask.TaskActivity;
import com.microsoft.durabletask.TaskActivityContext;

/// The activity: asks for a job's status. Here the job is simulated, Running until `readyAtMillis` and
/// Completed after; a real app would call the system that runs the job. Activities may read the clock;
/// orchestrators may not.
public final class CheckJob implements TaskActivity {
    static final String RUNNING = "Running";
    static final String COMPLETED = "Completed";

    /// The input: the job, and when the simulated job finishes (epoch milliseconds).
    public record Query(String jobId, long readyAtMillis) {}

    @Override
    public Object run(TaskActivityContext ctx) {
        var query = ctx.getInput(Query.class);
        var status = System.currentTimeMillis() >= query.readyAtMillis() ? COMPLETED : RUNNING;
        System.out.println("CheckJob " + query.jobId() + ": " + status);
        return status;
    }
}
