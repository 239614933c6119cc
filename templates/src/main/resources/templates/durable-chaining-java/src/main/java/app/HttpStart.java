package app;

import berth.durable.CheckStatus;
import berth.functions.HttpFunction;
import berth.functions.Request;
import berth.functions.Response;
import com.microsoft.durabletask.DurableTaskClient;

import java.util.List;

/// POST /api/hello-cities: starts HelloCities and answers 202 with where to follow it. Called on its own
/// virtual thread per request; the SDK client is thread-safe.
public final class HttpStart implements HttpFunction {
    static final String USAGE = "Send a JSON array of city names, such as [\"Paris\", \"Oslo\"],"
            + " or nothing for Tokyo, Seattle and London.";

    private final DurableTaskClient client;

    HttpStart(DurableTaskClient client) { this.client = client; }

    @Override
    public Response handle(Request request, Log log) {
        List<?> cities;
        try {
            cities = cities(request);
        } catch (IllegalArgumentException e) {
            return Response.text(400, e.getMessage() + ". " + USAGE);
        }
        var instanceId = client.scheduleNewOrchestrationInstance("HelloCities", cities);
        log.info("started HelloCities " + instanceId);
        return CheckStatus.accepted(request, instanceId);
    }

    /// The cities of the body; null (the orchestration's default cities) when there is no body.
    static List<?> cities(Request request) {
        var body = request.json();
        if (body == null || body instanceof List<?> names && names.stream().allMatch(String.class::isInstance)) {
            return (List<?>) body;
        }
        throw new IllegalArgumentException("The body is " + request.body().strip());
    }
}
