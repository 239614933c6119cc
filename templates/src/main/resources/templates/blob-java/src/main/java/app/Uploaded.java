package app;

import berth.functions.Invocation;
import berth.functions.TriggerFunction;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/// Each blob written under `images/`: logs its name and size and queues a message on `thumbnails`.
public final class Uploaded implements TriggerFunction {
    @Override
    public Object handle(Object trigger, Invocation invocation) {
        var name = String.valueOf(invocation.metadata("name"));
        var size = ((String) trigger).getBytes(StandardCharsets.UTF_8).length;
        invocation.log("image " + name + ": " + size + " bytes");
        invocation.output("thumbnail", Map.of("image", name, "bytes", size));
        return null;
    }
}
