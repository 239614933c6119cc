package app;

import com.microsoft.durabletask.TaskActivity;
import com.microsoft.durabletask.TaskActivityContext;

/// The activity: nobody answered in time. Here it prints the escalation; a real app would notify a
/// manager or open a ticket.
public final class Escalate implements TaskActivity {
    @Override
    public Object run(TaskActivityContext ctx) {
        var ask = ctx.getInput(ApprovalWorkflow.Ask.class);
        System.out.println("Escalate: no answer for '" + ask.item() + "' within " + ask.timeoutSeconds()
                + " s; escalating to a manager");
        return null;
    }
}
