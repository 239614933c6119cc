package app;

import berth.functions.Invocation;
import berth.functions.Json;
import berth.functions.TriggerFunction;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/// Each message on the `orders` queue: totals the order and writes a receipt blob to `processed/`.
public final class Process implements TriggerFunction {
    @Override
    public Object handle(Object trigger, Invocation invocation) {
        var order = (Map<?, ?>) trigger;
        double total = 0;
        for (var line : (List<?>) order.get("lines")) {
            var item = (Map<?, ?>) line;
            total += ((Number) item.get("price")).doubleValue() * ((Number) item.get("quantity")).intValue();
        }
        invocation.log(String.format(Locale.ROOT, "order %s: total %.2f (attempt %s)", order.get("id"), total,
                invocation.metadata("DequeueCount")));
        invocation.output("receipt", Json.write(Map.of("order", order.get("id"), "total", total)));
        return null;
    }
}
