package app;

import com.microsoft.durabletask.TaskActivity;
import com.microsoft.durabletask.TaskActivityContext;

/// The activity: asks a person for approval. Here it prints how to answer; a real app would send a mail
/// or a chat message with approve/reject links that raise the event.
public final class RequestApproval implements TaskActivity {
    /// The input: the instance to answer, and what to approve.
    public record Notice(String instanceId, ApprovalWorkflow.Ask ask) {}

    @Override
    public Object run(TaskActivityContext ctx) {
        var notice = ctx.getInput(Notice.class);
        System.out.println("RequestApproval: please approve '" + notice.ask().item() + "' within "
                + notice.ask().timeoutSeconds() + " s: berth durable raise . " + notice.instanceId() + " "
                + ApprovalWorkflow.EVENT + " --data true");
        return null;
    }
}
