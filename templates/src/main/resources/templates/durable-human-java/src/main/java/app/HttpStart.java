package app;

import berth.durable.CheckStatus;
import berth.durable.StartInput;
import berth.functions.HttpFunction;
import berth.functions.Request;
import berth.functions.Response;
import com.microsoft.durabletask.DurableTaskClient;

/// POST /api/approvals: starts ApprovalWorkflow and answers 202 with where to follow it; the body's
/// `sendEventPostUri` is where the answer goes. Called on its own virtual thread per request; the SDK
/// client is thread-safe.
public final class HttpStart implements HttpFunction {
    static final String USAGE = "Send a body such as {\"item\": \"new laptop\", \"timeoutSeconds\": 120}"
            + " (timeoutSeconds 1 to 604800), the same as query parameters, or nothing for those values.";

    private final DurableTaskClient client;

    HttpStart(DurableTaskClient client) { this.client = client; }

    @Override
    public Response handle(Request request, Log log) {
        ApprovalWorkflow.Ask ask;
        try {
            var input = StartInput.of(request);
            ask = new ApprovalWorkflow.Ask(input.text("item", ApprovalWorkflow.DEFAULT.item()),
                    input.number("timeoutSeconds", ApprovalWorkflow.DEFAULT.timeoutSeconds(), 1, 604_800));
        } catch (IllegalArgumentException e) {
            return Response.text(400, e.getMessage() + ". " + USAGE);
        }
        var instanceId = client.scheduleNewOrchestrationInstance("ApprovalWorkflow", ask);
        log.info("started ApprovalWorkflow " + instanceId + " for '" + ask.item() + "'");
        return CheckStatus.accepted(request, instanceId);
    }
}
