package app;

import com.microsoft.durabletask.TaskActivity;
import com.microsoft.durabletask.TaskActivityContext;

import java.time.Duration;

/// The activity: one slow piece of the job, here a sleep that stands in for real work (rendering a
/// report page, copying a file). Activities may block; the orchestrator waits without holding a thread.
public final class ProcessChunk implements TaskActivity {
    /// The input: which chunk, and how long it takes.
    public record Chunk(int step, int seconds) {}

    @Override
    public Object run(TaskActivityContext ctx) {
        var chunk = ctx.getInput(Chunk.class);
        System.out.println("ProcessChunk " + chunk.step() + ": working for " + chunk.seconds() + " s");
        try {
            Thread.sleep(Duration.ofSeconds(chunk.seconds()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while processing chunk " + chunk.step(), e);
        }
        return "chunk " + chunk.step() + " done";
    }
}
