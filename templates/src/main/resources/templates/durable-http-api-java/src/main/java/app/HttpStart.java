package app;

import berth.durable.CheckStatus;
import berth.durable.StartInput;
import berth.functions.HttpFunction;
import berth.functions.Request;
import berth.functions.Response;
import com.microsoft.durabletask.DurableTaskClient;

/// POST /api/jobs: the async HTTP API pattern. Starts a LongJob and answers at once with 202 Accepted,
/// `Location` (the status URL to poll) and `Retry-After`; the caller polls until `runtimeStatus` is
/// `Completed` and reads `output`. Called on its own virtual thread per request; the SDK client is
/// thread-safe.
public final class HttpStart implements HttpFunction {
    static final String USAGE = "Send ?steps=5&secondsPerStep=2 or a body {\"steps\": 5, \"secondsPerStep\": 2}"
            + " (steps 1 to 100, secondsPerStep 0 to 60), or nothing for 5 steps of 2 s.";

    private final DurableTaskClient client;

    HttpStart(DurableTaskClient client) { this.client = client; }

    @Override
    public Response handle(Request request, Log log) {
        LongJob.Job job;
        try {
            var input = StartInput.of(request);
            job = new LongJob.Job(input.number("steps", LongJob.DEFAULT.steps(), 1, 100),
                    input.number("secondsPerStep", LongJob.DEFAULT.secondsPerStep(), 0, 60));
        } catch (IllegalArgumentException e) {
            return Response.text(400, e.getMessage() + ". " + USAGE);
        }
        var instanceId = client.scheduleNewOrchestrationInstance("LongJob", job);
        log.info("started LongJob " + instanceId + ": " + job.steps() + " steps of " + job.secondsPerStep() + " s");
        return CheckStatus.accepted(request, instanceId);
    }
}
