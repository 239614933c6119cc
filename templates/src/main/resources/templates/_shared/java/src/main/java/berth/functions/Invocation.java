package berth.functions;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/// What a {@link TriggerFunction} gets besides its trigger data for one invocation: the payload's
/// `Metadata` (for a queue message `Id`, `DequeueCount`, `InsertionTime`; for a blob `name`, `Uri`,
/// `Properties`; always `sys` with `MethodName`, `UtcNow`, `RandGuid`), the data of its other input
/// bindings, the outputs it sets by binding name, and its log lines. Used by the one thread running the
/// function; not thread-safe.
public final class Invocation {
    private final String functionName;
    private final Map<String, Object> metadata;
    private final Map<String, Object> inputs;
    private final Map<String, Object> outputs = new LinkedHashMap<>();
    private final List<String> logs = new ArrayList<>();

    Invocation(String functionName, Map<String, Object> metadata, Map<String, Object> inputs) {
        this.functionName = functionName;
        this.metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
        this.inputs = Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
    }

    /// The function's name, the folder of its function.json.
    public String functionName() { return functionName; }

    /// The invocation's metadata, as the host sent it.
    public Map<String, Object> metadata() { return metadata; }

    /// One metadata value (`"DequeueCount"`, `"name"`), or null when the host sent none.
    public Object metadata(String key) { return metadata.get(key); }

    /// The data of another input binding (a blob input, say), by binding name; null when absent.
    public Object input(String binding) { return inputs.get(binding); }

    /// Sets output binding `binding` (its `name` in function.json): a string, or a Map/List written as JSON.
    public void output(String binding, Object value) { outputs.put(binding, value); }

    /// The outputs set so far.
    public Map<String, Object> outputs() { return Collections.unmodifiableMap(outputs); }

    /// Adds a line to the invocation's log, which goes back to the host with the answer.
    public void log(String line) { logs.add(line); }

    List<String> logs() { return logs; }
}
