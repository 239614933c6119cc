package dev.berth.runner.durable.http;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/// The management links of one orchestration instance, as Durable Functions' `CreateHttpManagementPayload`
/// answers them (the starter's 202 body): field names and `{eventName}` / `{text}` placeholders as Azure's, so
/// clients written against Azure follow them unchanged. The task hub is named in each link (`taskHub=`) only
/// when one was given; without it the API serves the project's hub. Immutable.
public record ManagementUrls(String id, String statusQueryGetUri, String sendEventPostUri, String terminatePostUri,
                             String rewindPostUri, String purgeHistoryDeleteUri, String suspendPostUri,
                             String resumePostUri) {
    /// Where the API is served under the ingress root.
    public static final String PREFIX = "/runtime/webhooks/durabletask/";

    /// The links for `instanceId` under `base` (the ingress, e.g. http://127.0.0.1:7071), for the project's hub.
    public static ManagementUrls of(URI base, String instanceId) {
        return build(base, instanceId, "");
    }

    /// The links for `instanceId` in task hub `hub` under `base`.
    public static ManagementUrls of(URI base, String hub, String instanceId) {
        return build(base, instanceId, "taskHub=" + encode(hub));
    }

    private static ManagementUrls build(URI base, String instanceId, String hubParam) {
        var root = base.toString().replaceAll("/+$", "");
        var instance = root + PREFIX + "instances/" + encode(instanceId);
        var onlyHub = hubParam.isEmpty() ? "" : "?" + hubParam;
        var andHub = hubParam.isEmpty() ? "" : "&" + hubParam;
        return new ManagementUrls(instanceId, instance + onlyHub, instance + "/raiseEvent/{eventName}" + onlyHub,
                instance + "/terminate?reason={text}" + andHub, instance + "/rewind?reason={text}" + andHub,
                instance + onlyHub, instance + "/suspend?reason={text}" + andHub,
                instance + "/resume?reason={text}" + andHub);
    }

    /// One path segment or query value, percent-encoded (a space as %20, not +, so it is right in both).
    public static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
