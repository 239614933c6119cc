package berth.functions;

/// A function with any trigger but HTTP: timer, queue, blob, Event Grid. Called on its own virtual thread
/// for each invocation, so it may block; implementations that keep state must make it thread-safe.
@FunctionalInterface
public interface TriggerFunction {
    /// Handles one trigger event. `trigger` is the trigger's data as the host sent it: a `String` (a queue
    /// message, blob content as UTF-8 text) or, read with {@link Json}, a `Map` or `List` (the timer info,
    /// an Event Grid event, a queue message holding a JSON object). `invocation` has the metadata, the
    /// other inputs, the outputs to set and the log. The return value becomes `ReturnValue` (the `$return`
    /// binding); null for none. An exception fails the invocation: the host gets a 500 with the error in
    /// the logs, no output is applied, and the trigger retries or gives up as its rules say.
    Object handle(Object trigger, Invocation invocation) throws Exception;
}
