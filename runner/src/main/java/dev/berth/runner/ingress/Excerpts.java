package dev.berth.runner.ingress;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/// Short, printable request/response texts kept with each invocation for the UI's detail view.
final class Excerpts {
    static final int MAX_BODY = 4096;

    private Excerpts() {}

    static String request(IncomingRequest request) {
        return request.method() + " " + request.pathAndQuery() + "\n" + headers(request.headers())
                + "\n" + body(request.body());
    }

    static String response(Upstream.Answer answer) {
        return answer.status() + "\n" + headers(answer.headers()) + "\n" + body(answer.body());
    }

    private static String headers(Map<String, List<String>> headers) {
        var text = new StringBuilder();
        headers.forEach((name, values) -> values.forEach(v -> text.append(name).append(": ").append(v).append('\n')));
        return text.toString();
    }

    private static String body(byte[] body) {
        if (body.length <= MAX_BODY) return new String(body, StandardCharsets.UTF_8);
        return new String(body, 0, MAX_BODY, StandardCharsets.UTF_8) + "\n… (" + body.length + " bytes in all)";
    }
}
