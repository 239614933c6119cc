package app;

import com.microsoft.durabletask.TaskActivity;
import com.microsoft.durabletask.TaskActivityContext;

/// The activity: squares one number. Stands in for real work, such as resizing one image of a batch;
/// the runtime runs it at least once, so real activities should be safe to repeat.
public final class Square implements TaskActivity {
    @Override
    public Object run(TaskActivityContext ctx) {
        long n = ctx.getInput(Long.class);
        return n * n;
    }
}
