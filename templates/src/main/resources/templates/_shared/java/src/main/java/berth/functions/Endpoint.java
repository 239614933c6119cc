package berth.functions;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/// One registered function and the custom-handler mapping of its invocations: the `Data` and
/// `Metadata` of a payload in, the status and `{"Outputs", "Logs", "ReturnValue"}` answer out.
/// Implementations are immutable and thread-safe.
sealed interface Endpoint permits HttpEndpoint, TriggerEndpoint {
    /// A request the host cannot serve; `status` says why (400 bad payload, 404 unknown function).
    final class Refused extends Exception {
        private static final long serialVersionUID = 1L;
        final int status;

        Refused(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    /// The HTTP status of the answer (500 when the function threw) and the answer itself.
    record Answer(int status, Map<String, Object> body) {}

    String name();

    /// Runs one invocation. `data` is the payload's `Data` object, `metadata` its `Metadata` (or empty).
    Answer invoke(Map<?, ?> data, Map<String, Object> metadata) throws Refused;

    static Map<String, Object> answer(Map<String, Object> outputs, List<String> logs, Object returnValue) {
        var answer = new LinkedHashMap<String, Object>();
        answer.put("Outputs", outputs);
        answer.put("Logs", logs);
        answer.put("ReturnValue", returnValue);
        return answer;
    }

    /// Logs how function `name` failed, with the stack trace, and returns the first line.
    static String failure(String name, Exception e, List<String> logs) {
        var message = "Function '" + name + "' failed: " + e;
        logs.add(message);
        var trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        trace.toString().lines().forEach(logs::add);
        return message;
    }
}
