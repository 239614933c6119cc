package app;

import berth.durable.CheckStatus;
import berth.durable.StartInput;
import berth.functions.HttpFunction;
import berth.functions.Request;
import berth.functions.Response;
import com.microsoft.durabletask.DurableTaskClient;

/// POST /api/fan-out: starts FanOutFanIn and answers 202 with where to follow it. Called on its own
/// virtual thread per request; the SDK client is thread-safe.
public final class HttpStart implements HttpFunction {
    static final int MAX_COUNT = 5000;
    static final String USAGE = "Send ?count=100 or a body {\"count\": 100} (1 to " + MAX_COUNT
            + "), or nothing for " + FanOutFanIn.DEFAULT_COUNT + ".";

    private final DurableTaskClient client;

    HttpStart(DurableTaskClient client) { this.client = client; }

    @Override
    public Response handle(Request request, Log log) {
        int count;
        try {
            count = StartInput.of(request).number("count", FanOutFanIn.DEFAULT_COUNT, 1, MAX_COUNT);
        } catch (IllegalArgumentException e) {
            return Response.text(400, e.getMessage() + ". " + USAGE);
        }
        var instanceId = client.scheduleNewOrchestrationInstance("FanOutFanIn", count);
        log.info("started FanOutFanIn " + instanceId + " with " + count + " activities");
        return CheckStatus.accepted(request, instanceId);
    }
}
