package berth.functions;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/// A function with any trigger but HTTP: its trigger data comes from `Data.<trigger binding>`, the other
/// `Data` entries are its inputs, and it answers `{"Outputs": {<output binding>: value}, "Logs": […],
/// "ReturnValue": <what it returned>}`. Immutable, thread-safe.
final class TriggerEndpoint implements Endpoint {
    private final String name;
    private final TriggerFunction function;
    private final FunctionSpec spec;

    TriggerEndpoint(String name, TriggerFunction function, FunctionSpec spec) {
        this.name = name;
        this.function = function;
        this.spec = spec;
    }

    @Override
    public String name() { return name; }

    @Override
    public Answer invoke(Map<?, ?> data, Map<String, Object> metadata) throws Refused {
        var trigger = triggerData(data);
        var inputs = new LinkedHashMap<String, Object>();
        data.forEach((k, v) -> {
            if (!spec.triggerName().equals(k)) inputs.put(String.valueOf(k), v);
        });
        var invocation = new Invocation(name, metadata, inputs);
        try {
            var result = function.handle(trigger, invocation);
            checkOutputs(invocation.outputs().keySet());
            return new Answer(200, Endpoint.answer(invocation.outputs(), invocation.logs(), result));
        } catch (Exception e) {
            Endpoint.failure(name, e, invocation.logs());
            // Outputs of a failed invocation are dropped, as the Functions host drops them.
            return new Answer(500, Endpoint.answer(Map.of(), invocation.logs(), null));
        }
    }

    private Object triggerData(Map<?, ?> data) throws Refused {
        Object value;
        if (data.containsKey(spec.triggerName())) {
            value = data.get(spec.triggerName());
        } else if (data.size() == 1) {
            value = data.values().iterator().next();
        } else {
            throw new Refused(400, "invocation payload has no " + spec.triggerType() + " data under Data."
                    + spec.triggerName() + " (it has: " + new TreeSet<>(data.keySet().stream().map(String::valueOf)
                    .toList()) + ")");
        }
        // Blob content is text to keep as it is; other triggers may send JSON as a string.
        return spec.triggerType().equalsIgnoreCase("blobTrigger") ? value : structured(value);
    }

    /// A string holding a JSON object or array, parsed; anything else as it is.
    private static Object structured(Object value) {
        if (value instanceof String s && (s.strip().startsWith("{") || s.strip().startsWith("["))) {
            try {
                return Json.parse(s);
            } catch (IllegalArgumentException notJson) {
                return value;
            }
        }
        return value;
    }

    private void checkOutputs(Set<String> set) {
        if (!spec.declared()) return; // without a function.json nothing says which outputs exist
        var unknown = new TreeSet<>(set);
        unknown.removeAll(spec.outputs());
        if (!unknown.isEmpty()) {
            throw new IllegalStateException("output " + String.join(", ", unknown) + " is not declared: " + name
                    + "/function.json has no binding with direction \"out\" and that name (its outputs: "
                    + (spec.outputs().isEmpty() ? "none" : String.join(", ", spec.outputs()))
                    + "). Add the binding, or fix the name in the code");
        }
    }
}
