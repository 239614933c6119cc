package berth.durable;

import com.microsoft.durabletask.TaskOrchestrationContext;

/// Log lines from orchestrator code in the form Berth's orchestration view reads:
/// `durable-log instance=<id> replay=<true|false> <text>`.
///
/// An orchestrator runs again from the start each time it wakes up (replay), so a plain println
/// appears once per replay. These lines say which run wrote them; Berth marks replayed ones and folds
/// the duplicates. Stateless, thread-safe.
public final class DurableLog {
    private DurableLog() {}

    /// Prints `text` as a line of the orchestration `ctx` runs.
    public static void log(TaskOrchestrationContext ctx, String text) {
        System.out.println(line(ctx.getInstanceId(), ctx.getIsReplaying(), text));
    }

    /// The line [#log] prints; line breaks in `text` become spaces so one call stays one line.
    public static String line(String instanceId, boolean replaying, String text) {
        return "durable-log instance=" + instanceId + " replay=" + replaying + " " + text.replaceAll("\\R", " ");
    }
}
