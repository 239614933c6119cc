package dev.berth.runner.eventgrid;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.runner.eventgrid.EventDelivery.Outcome;
import dev.berth.runner.ingress.FunctionInvoker;
import dev.berth.runner.project.Binding;
import dev.berth.runner.project.FunctionDef;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/// The default delivery: one invocation per event, the event in the Event Grid schema under the trigger
/// binding's name.
class EventGridFunctionDeliveryTest {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private final FunctionDef onOrder = new FunctionDef("OnOrder", Path.of("OnOrder", "function.json"), List.of(
            new Binding("eventGridTrigger", "in", "orderEvent", Map.of("type", "eventGridTrigger", "direction", "in",
                    "name", "orderEvent")),
            new Binding("queue", "out", "out", Map.of("type", "queue", "direction", "out", "name", "out"))),
            Optional.empty());
    private final Subscription subscription = new Subscription("new-orders", "OnOrder",
            new Subscription.Source.Topic("orders"), Subscription.Filter.ALL, 30, Duration.ofDays(1));
    private final Event event = new Event("42", "/topics/orders", "/orders/42", "Contoso.Orders.OrderPlaced",
            "2026-11-21T18:41:00Z", NODES.objectNode().put("total", 9), "1.0");

    private record Call(FunctionDef function, String trigger, ObjectNode data, ObjectNode metadata, String summary) {}

    private static FunctionInvoker.Result result(boolean succeeded, String error) {
        return new FunctionInvoker.Result("inv-1", succeeded ? 200 : 500, succeeded, NODES.objectNode(), NODES.nullNode(),
                List.of(), error);
    }

    @Test
    void deliver_invokesTheFunctionWithTheEventUnderItsTriggerBindingName() {
        var call = new AtomicReference<Call>();
        var delivery = new FunctionEventDelivery(name -> Optional.of(onOrder), (f, t, d, m, s) -> {
            call.set(new Call(f, t, d, m, s));
            return result(true, "");
        });

        var outcome = delivery.deliver(subscription, event, 2);

        assertThat(outcome).isInstanceOf(Outcome.Delivered.class);
        assertThat(call.get().function()).isEqualTo(onOrder);
        assertThat(call.get().trigger()).isEqualTo("eventGridTrigger");
        assertThat(call.get().data().properties()).extracting(Map.Entry::getKey).containsExactly("orderEvent");
        assertThat(call.get().data().get("orderEvent")).isEqualTo(event.toEventGridJson());
        assertThat(call.get().metadata().path("Subscription").asText()).isEqualTo("new-orders");
        assertThat(call.get().metadata().path("DeliveryAttempt").asInt()).isEqualTo(2);
        assertThat(call.get().summary()).isEqualTo("new-orders: Contoso.Orders.OrderPlaced /orders/42 (attempt 2)");
    }

    @Test
    void deliver_functionFails_isARetryableFailureWithItsError() {
        var delivery = new FunctionEventDelivery(name -> Optional.of(onOrder), (f, t, d, m, s) -> result(false, "status 500: boom"));

        assertThat(delivery.deliver(subscription, event, 1)).isEqualTo(new Outcome.Failed("status 500: boom", true));
    }

    @Test
    void deliver_invocationThrows_isARetryableFailure() {
        var delivery = new FunctionEventDelivery(name -> Optional.of(onOrder), (f, t, d, m, s) -> {
            throw new IOException("connection reset");
        });

        assertThat(delivery.deliver(subscription, event, 1))
                .isEqualTo(new Outcome.Failed("the invocation failed: connection reset", true));
    }

    @Test
    void deliver_functionGone_isNotRetryable() {
        var delivery = new FunctionEventDelivery(name -> Optional.empty(), (f, t, d, m, s) -> result(true, ""));

        assertThat(delivery.deliver(subscription, event, 1))
                .isEqualTo(new Outcome.Failed("the function OnOrder no longer exists", false));
    }

    @Test
    void bindingName_withoutAnEventGridTrigger_fallsBackToTheTemplatesName() {
        var plain = new FunctionDef("X", Path.of("X", "function.json"), List.of(), Optional.empty());

        assertThat(FunctionEventDelivery.bindingName(onOrder)).isEqualTo("orderEvent");
        assertThat(FunctionEventDelivery.bindingName(plain)).isEqualTo("eventGridEvent");
    }
}
