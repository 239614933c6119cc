package berth.functions;

import java.util.LinkedHashMap;
import java.util.Map;

/// What a function answers: status, headers and a text body. Immutable, thread-safe.
public record Response(int status, Map<String, String> headers, String body) {
    public Response {
        headers = Map.copyOf(headers);
        body = body == null ? "" : body;
    }

    /// 200 with a plain-text body.
    public static Response text(String body) { return text(200, body); }

    public static Response text(int status, String body) {
        return new Response(status, Map.of("Content-Type", "text/plain; charset=utf-8"), body);
    }

    /// A JSON body written by {@link Json#write}.
    public static Response json(int status, Object value) {
        return new Response(status, Map.of("Content-Type", "application/json"), Json.write(value));
    }

    /// 204, nothing to say.
    public static Response noContent() { return new Response(204, Map.of(), ""); }

    /// A copy with one more header.
    public Response withHeader(String name, String value) {
        var merged = new LinkedHashMap<>(headers);
        merged.put(name, value);
        return new Response(status, merged, body);
    }
}
