package app;

import berth.durable.CheckStatus;
import berth.durable.StartInput;
import berth.functions.HttpFunction;
import berth.functions.Request;
import berth.functions.Response;
import com.microsoft.durabletask.DurableTaskClient;

/// POST /api/monitor: starts MonitorJob and answers 202 with where to follow it. Called on its own virtual
/// thread per request; the SDK client is thread-safe.
public final class HttpStart implements HttpFunction {
    static final String USAGE = "Send a body such as {\"jobId\": \"job-7\", \"readyAfterSeconds\": 10,"
            + " \"pollSeconds\": 2, \"expirySeconds\": 60} (seconds up to 86400), the same as query"
            + " parameters, or nothing for those values.";

    private final DurableTaskClient client;

    HttpStart(DurableTaskClient client) { this.client = client; }

    @Override
    public Response handle(Request request, Log log) {
        MonitorJob.Watch watch;
        try {
            var input = StartInput.of(request);
            var defaults = MonitorJob.DEFAULT;
            watch = new MonitorJob.Watch(input.text("jobId", defaults.jobId()),
                    input.number("readyAfterSeconds", defaults.readyAfterSeconds(), 0, 86_400),
                    input.number("pollSeconds", defaults.pollSeconds(), 1, 86_400),
                    input.number("expirySeconds", defaults.expirySeconds(), 1, 86_400));
        } catch (IllegalArgumentException e) {
            return Response.text(400, e.getMessage() + ". " + USAGE);
        }
        var instanceId = client.scheduleNewOrchestrationInstance("MonitorJob", watch);
        log.info("started MonitorJob " + instanceId + " for " + watch.jobId());
        return CheckStatus.accepted(request, instanceId);
    }
}
