package dev.berth.runner.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.runner.blob.BlobChange;
import dev.berth.runner.event.EventListener;
import dev.berth.runner.event.RunnerNotice;
import dev.berth.runner.eventgrid.DeliveryNotice;
import dev.berth.runner.eventgrid.EventGridRouter;
import dev.berth.runner.eventgrid.EventLimits;
import dev.berth.runner.eventgrid.EventParser;
import dev.berth.runner.eventgrid.FunctionEventDelivery;
import dev.berth.runner.eventgrid.ParseOutcome;
import dev.berth.runner.eventgrid.RetrySchedule;
import dev.berth.runner.eventgrid.StorageEvents;
import dev.berth.runner.eventgrid.Subscription;
import dev.berth.runner.eventgrid.TopicEndpoint;
import dev.berth.runner.eventgrid.TopicKey;
import dev.berth.runner.ingress.Ingress;
import dev.berth.runner.project.FunctionApp;
import dev.berth.runner.event.LogLine;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.runner.ingress.StorageBindings;
import dev.berth.runner.project.FunctionDef;
import dev.berth.runner.trigger.BindingExpressions;
import dev.berth.runner.trigger.InputBindings;
import dev.berth.runner.trigger.OutputBindings;
import dev.berth.runner.trigger.ProjectStorage;
import dev.berth.runner.trigger.TriggerHost;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/// The event side of a running session: the project's embedded storage, its local Event Grid (topic
/// endpoint on the ingress, storage events from the blob store, subscriptions from `eventgrid.yaml`) and
/// the listeners of its timer, queue and blob triggers. Closed before the ingress, whose invoker it uses.
/// Thread-safe.
final class SessionTriggers implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<AutoCloseable> parts;
    private final ProjectStorage storage;

    private SessionTriggers(List<AutoCloseable> parts, ProjectStorage storage) {
        this.parts = parts;
        this.storage = storage;
    }

    /// The storage the session's triggers use; writes to it wake them at once.
    ProjectStorage storage() { return storage; }

    static SessionTriggers start(FunctionApp app, List<Subscription> subscriptions, Ingress ingress,
                                 EventListener events, Clock clock) throws RunException {
        var parts = new ArrayList<AutoCloseable>();
        try {
            var storage = ProjectStorage.open(app.stateDir(), clock);
            parts.addFirst(storage);
            var router = EventGridRouter.start(subscriptions, FunctionEventDelivery.on(app, ingress.invoker()),
                    RetrySchedule.AZURE, clock, notice -> report(notice, events, clock));
            parts.addFirst(router);
            var storageEvents = new StorageEvents(clock);
            parts.addFirst(storage.blobs().subscribe(change -> router.publishStorage(List.of(event(storageEvents, change)))));
            var parser = new EventParser(EventLimits.AZURE, clock);
            ingress.mount(Ingress.EVENT_GRID, new TopicEndpoint(parser, TopicKey.load(app.stateDir()), router::publish)::handle);
            var expressions = new BindingExpressions(app.settings(), clock);
            var outputs = new OutputBindings(storage.queues(), storage.blobs(),
                    (topic, list) -> router.publish(topic, parse(parser, list)), expressions,
                    (function, line) -> events.onEvent(new LogLine(clock.instant(), "", "berth", function + " wrote " + line)));
            var inputs = new InputBindings(storage.blobs(), expressions);
            ingress.storageBindings(new StorageBindings() {
                @Override public void addInputs(FunctionDef function, ObjectNode data, Map<String, String> bindingData) {
                    inputs.addTo(function, data, bindingData);
                }

                @Override public void apply(FunctionDef function, JsonNode values, Map<String, String> bindingData) {
                    outputs.apply(function, values, bindingData);
                }
            });
            parts.addFirst(TriggerHost.start(app, storage, ingress.invoker(), outputs, events, clock));
            return new SessionTriggers(parts, storage);
        } catch (java.sql.SQLException | IOException | RuntimeException e) {
            new SessionTriggers(parts, null).close();
            throw new RunException("Cannot open the project's embedded storage in " + app.stateDir() + ": "
                    + e.getMessage() + ". Fix: check the folder's permissions, or move .berth/ away to start afresh.", e);
        }
    }

    private static dev.berth.runner.eventgrid.Event event(StorageEvents storageEvents, BlobChange change) {
        return switch (change) {
            case BlobChange.BlobCreated c -> storageEvents.blobCreated(new StorageEvents.Blob(c.container(), c.name(),
                    c.contentType(), c.contentLength(), c.eTag(), c.url()));
            case BlobChange.BlobDeleted d -> storageEvents.blobDeleted(new StorageEvents.Blob(d.container(), d.name(),
                    d.contentType(), 0, d.eTag(), d.url()));
        };
    }

    /// An `eventGrid` output binding's events go through the same checks as a publish to the topic.
    private static List<dev.berth.runner.eventgrid.Event> parse(EventParser parser, List<JsonNode> events) {
        var body = JSON.createArrayNode().addAll(events).toString().getBytes(StandardCharsets.UTF_8);
        return switch (parser.parse(body, "application/json")) {
            case ParseOutcome.Accepted accepted -> accepted.events();
            case ParseOutcome.Rejected rejected -> throw new IllegalArgumentException(
                    "the eventGrid output is not valid: " + rejected.describe());
        };
    }

    private static void report(DeliveryNotice notice, EventListener events, Clock clock) {
        switch (notice) {
            case DeliveryNotice.Delivered ignored -> { } // the invocation's own events say it
            case DeliveryNotice.RetryScheduled retry -> events.onEvent(new RunnerNotice(clock.instant(),
                    RunnerNotice.Level.WARNING, "event " + retry.event().id() + " to " + retry.function() + " failed ("
                    + retry.error() + "); attempt " + (retry.attempt() + 1) + " at " + retry.nextAttemptAt()));
            case DeliveryNotice.DeadLettered dead -> events.onEvent(new RunnerNotice(clock.instant(),
                    RunnerNotice.Level.ERROR, "event " + dead.event().id() + " to " + dead.function()
                    + " dead-lettered: " + dead.deadLetter()));
        }
    }

    @Override
    public void close() {
        for (var part : parts) {
            try {
                part.close();
            } catch (Exception e) {
                org.slf4j.LoggerFactory.getLogger(SessionTriggers.class).warn("stopping {} failed", part, e);
            }
        }
    }
}
