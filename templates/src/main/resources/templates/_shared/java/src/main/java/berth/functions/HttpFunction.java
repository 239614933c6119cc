package berth.functions;

/// One HTTP-triggered function. Called on its own virtual thread for each request, so it may block;
/// implementations that keep state must make it thread-safe.
@FunctionalInterface
public interface HttpFunction {
    /// Answers one request. Lines given to `log` go back to the host with the answer. An exception
    /// becomes a 500 answer with the error in the logs.
    Response handle(Request request, Log log) throws Exception;

    /// Collects log lines for one invocation.
    @FunctionalInterface
    interface Log {
        void info(String line);
    }
}
