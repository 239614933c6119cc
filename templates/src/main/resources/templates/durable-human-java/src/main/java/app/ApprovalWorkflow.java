package app;

import berth.durable.DurableLog;
import com.microsoft.durabletask.TaskCanceledException;
import com.microsoft.durabletask.TaskOrchestration;
import com.microsoft.durabletask.TaskOrchestrationContext;

import java.time.Duration;

/// Human interaction: asks for an approval (RequestApproval), then waits for the external event
/// "Approval" for at most `timeoutSeconds`. `true` approves, `false` rejects; no answer in time
/// escalates (Escalate). The wait is a durable timer raced against the event: nothing runs while the
/// instance waits, and the wait survives restarts.
public final class ApprovalWorkflow implements TaskOrchestration {
    /// The event a person raises to answer, with `true` or `false`.
    static final String EVENT = "Approval";

    /// The input: what needs approving and how long a person has to answer.
    public record Ask(String item, int timeoutSeconds) {}

    /// The output: approved, rejected or escalated.
    public record Decision(String item, String outcome) {}

    /// The ask when the instance is started without input.
    static final Ask DEFAULT = new Ask("expense report", 120);

    @Override
    public void run(TaskOrchestrationContext ctx) {
        var input = ctx.getInput(Ask.class);
        var ask = input == null ? DEFAULT : input;
        ctx.callActivity("RequestApproval", new RequestApproval.Notice(ctx.getInstanceId(), ask)).await();
        DurableLog.log(ctx, "waiting up to " + ask.timeoutSeconds() + " s for event " + EVENT);
        String outcome;
        try {
            Boolean approved = ctx.waitForExternalEvent(EVENT, Duration.ofSeconds(ask.timeoutSeconds()),
                    Boolean.class).await();
            outcome = Boolean.TRUE.equals(approved) ? "approved" : "rejected";
        } catch (TaskCanceledException timedOut) {
            DurableLog.log(ctx, "no " + EVENT + " within " + ask.timeoutSeconds() + " s");
            ctx.callActivity("Escalate", ask).await();
            outcome = "escalated";
        }
        DurableLog.log(ctx, ask.item() + ": " + outcome);
        ctx.complete(new Decision(ask.item(), outcome));
    }
}
