package berth.durable;

import berth.functions.Request;
import berth.functions.Response;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/// The answer of an HTTP starter in the async HTTP API pattern, as Durable Functions gives it:
/// `202 Accepted`, `Location` (where to poll), `Retry-After` (how long to wait between polls) and a body
/// with the instance id and the management URLs of the instance (status, raise event, terminate,
/// rewind, purge, suspend, resume).
///
/// The URLs point at the Durable Functions HTTP management API, `/runtime/webhooks/durabletask/…`,
/// which Berth serves on the same address as the functions, so they are built from the address the
/// request came to. Stateless, thread-safe.
public final class CheckStatus {
    /// Where the management API lives, on the host that serves the functions.
    public static final String WEBHOOK_PATH = "/runtime/webhooks/durabletask/instances/";
    /// Seconds a client should wait before polling the status again.
    public static final int RETRY_AFTER_SECONDS = 2;

    private CheckStatus() {}

    /// The 202 answer for instance `instanceId`, started by `request`. The task hub is named in the URLs
    /// when `DURABLE_TASK_HUB` is set, as Durable Functions does.
    public static Response accepted(Request request, String instanceId) {
        return accepted(request, instanceId, System.getenv().getOrDefault("DURABLE_TASK_HUB", ""));
    }

    public static Response accepted(Request request, String instanceId, String hub) {
        var urls = urls(origin(request), instanceId, hub);
        return Response.json(202, urls)
                .withHeader("Location", String.valueOf(urls.get("statusQueryGetUri")))
                .withHeader("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
    }

    /// The management payload: `id` and one URL per operation, `{eventName}` and `{text}` left for the
    /// caller to fill in, as in Durable Functions.
    public static Map<String, Object> urls(String origin, String instanceId, String hub) {
        var instance = origin + WEBHOOK_PATH + encode(instanceId);
        var hubQuery = hub == null || hub.isBlank() ? "" : "taskHub=" + encode(hub);
        var urls = new LinkedHashMap<String, Object>();
        urls.put("id", instanceId);
        urls.put("statusQueryGetUri", withQuery(instance, hubQuery));
        urls.put("sendEventPostUri", withQuery(instance + "/raiseEvent/{eventName}", hubQuery));
        urls.put("terminatePostUri", withQuery(instance + "/terminate?reason={text}", hubQuery));
        urls.put("rewindPostUri", withQuery(instance + "/rewind?reason={text}", hubQuery));
        urls.put("purgeHistoryDeleteUri", withQuery(instance, hubQuery));
        urls.put("suspendPostUri", withQuery(instance + "/suspend?reason={text}", hubQuery));
        urls.put("resumePostUri", withQuery(instance + "/resume?reason={text}", hubQuery));
        return urls;
    }

    /// `scheme://host[:port]` of the address the request came to: from its URL, else its Host header.
    static String origin(Request request) {
        try {
            var url = URI.create(request.url());
            if (url.getScheme() != null && url.getRawAuthority() != null) {
                return url.getScheme() + "://" + url.getRawAuthority();
            }
        } catch (IllegalArgumentException notAUrl) {
            // A relative or odd URL: the Host header below still says where the caller connected.
        }
        return "http://" + request.header("Host").orElse("localhost:7071");
    }

    private static String withQuery(String url, String query) {
        if (query.isEmpty()) return url;
        return url + (url.contains("?") ? "&" : "?") + query;
    }

    /// Percent-encoding that is safe in a path segment as well as in a query (space as %20, not '+').
    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
