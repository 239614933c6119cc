package app;

import berth.functions.HttpFunction;
import berth.functions.Request;
import berth.functions.Response;

/// GET or POST /api/hello/{name?}: greets `name` (route or query) with the GREETING setting.
public final class Hello implements HttpFunction {
    @Override
    public Response handle(Request request, Log log) {
        var name = request.param("name").or(() -> request.query("name")).orElse("world");
        log.info("greeting " + name);
        return Response.text(System.getenv().getOrDefault("GREETING", "Hello") + ", " + name + "!");
    }
}
