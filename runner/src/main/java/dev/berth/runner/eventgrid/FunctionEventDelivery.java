package dev.berth.runner.eventgrid;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.runner.ingress.FunctionInvoker;
import dev.berth.runner.project.FunctionApp;
import dev.berth.runner.project.FunctionDef;

import java.io.IOException;
import java.util.Optional;
import java.util.function.Function;

/// The default [EventDelivery]: one function invocation per event, through the ingress's dispatch (replica
/// selection, functionTimeout, invocation records). The function receives
/// `Data = {"<trigger binding name>": <the event in the Event Grid schema>}`, as the Functions host passes an
/// eventGridTrigger to a custom handler. Thread-safe.
public final class FunctionEventDelivery implements EventDelivery {
    static final String TRIGGER = "eventGridTrigger";

    /// The shape of [FunctionInvoker#invoke], so tests need no running ingress.
    @FunctionalInterface
    public interface Invocations {
        FunctionInvoker.Result invoke(FunctionDef function, String trigger, ObjectNode data, ObjectNode metadata,
                                      String summary) throws IOException;
    }

    private final Function<String, Optional<FunctionDef>> functions;
    private final Invocations invocations;

    public FunctionEventDelivery(Function<String, Optional<FunctionDef>> functions, Invocations invocations) {
        this.functions = functions;
        this.invocations = invocations;
    }

    /// Delivers to `app`'s functions through `invoker`.
    public static FunctionEventDelivery on(FunctionApp app, FunctionInvoker invoker) {
        return new FunctionEventDelivery(app::function, invoker::invoke);
    }

    @Override
    public Outcome deliver(Subscription subscription, Event event, int attempt) {
        var function = functions.apply(subscription.function()).orElse(null);
        if (function == null) {
            return new Outcome.Failed("the function " + subscription.function() + " no longer exists", false);
        }
        var data = JsonNodeFactory.instance.objectNode();
        data.set(bindingName(function), event.toEventGridJson());
        var summary = subscription.name() + ": " + event.eventType() + " " + event.subject()
                + (attempt > 1 ? " (attempt " + attempt + ")" : "");
        try {
            var result = invocations.invoke(function, TRIGGER, data, metadata(subscription, attempt), summary);
            return result.succeeded() ? new Outcome.Delivered() : new Outcome.Failed(result.error(), true);
        } catch (IOException e) {
            return new Outcome.Failed("the invocation failed: " + e.getMessage(), true);
        }
    }

    /// The name of the function's eventGridTrigger binding; "eventGridEvent" (the templates' name) if it has none.
    static String bindingName(FunctionDef function) {
        return function.bindings().stream().filter(b -> b.type().equalsIgnoreCase(TRIGGER)).findFirst()
                .map(b -> b.name()).filter(n -> n != null && !n.isBlank()).orElse("eventGridEvent");
    }

    /// The invoker adds `sys` (MethodName, UtcNow, RandGuid); Berth adds which subscription delivers and the
    /// attempt, so a function can tell a retry (delivery is at least once) from a first delivery.
    private static ObjectNode metadata(Subscription subscription, int attempt) {
        var metadata = JsonNodeFactory.instance.objectNode();
        metadata.put("Subscription", subscription.name());
        metadata.put("DeliveryAttempt", attempt);
        return metadata;
    }
}
