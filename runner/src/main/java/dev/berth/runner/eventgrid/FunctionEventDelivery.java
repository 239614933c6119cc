package dev.berth.runner.eventgrid;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.runner.ingress.FunctionInvoker;
import dev.berth.runner.project.FunctionApp;
import dev.berth.runner.project.FunctionDef;

import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
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
    private final Clock clock;

    public FunctionEventDelivery(Function<String, Optional<FunctionDef>> functions, Invocations invocations, Clock clock) {
        this.functions = functions;
        this.invocations = invocations;
        this.clock = clock;
    }

    /// Delivers to `app`'s functions through `invoker`.
    public static FunctionEventDelivery on(FunctionApp app, FunctionInvoker invoker, Clock clock) {
        return new FunctionEventDelivery(app::function, invoker::invoke, clock);
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
            var result = invocations.invoke(function, TRIGGER, data, metadata(function), summary);
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

    private ObjectNode metadata(FunctionDef function) {
        var metadata = JsonNodeFactory.instance.objectNode();
        var sys = metadata.putObject("sys");
        sys.put("MethodName", function.name());
        sys.put("UtcNow", clock.instant().toString());
        sys.put("RandGuid", UUID.randomUUID().toString());
        return metadata;
    }
}
