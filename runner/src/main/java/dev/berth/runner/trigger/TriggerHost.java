package dev.berth.runner.trigger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.runner.blob.BlobHandler;
import dev.berth.runner.blob.BlobInvocation;
import dev.berth.runner.blob.BlobPathPattern;
import dev.berth.runner.blob.BlobTriggerOptions;
import dev.berth.runner.blob.BlobTriggerScanner;
import dev.berth.runner.blob.PoisonSink;
import dev.berth.runner.event.EventListener;
import dev.berth.runner.event.RunnerNotice;
import dev.berth.runner.ingress.FunctionInvoker;
import dev.berth.runner.project.Binding;
import dev.berth.runner.project.FunctionApp;
import dev.berth.runner.project.FunctionDef;
import dev.berth.runner.queue.Outcome;
import dev.berth.runner.queue.QueueMessage;
import dev.berth.runner.queue.QueueTriggerPump;
import dev.berth.runner.timer.Sleeper;
import dev.berth.runner.timer.TimerFunction;
import dev.berth.runner.timer.TimerInvocation;
import dev.berth.runner.timer.TimerSchedule;
import dev.berth.runner.timer.TimerScheduler;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/// Runs a project's timer, queue and blob triggers while its session runs. Every firing is one
/// invocation through the [FunctionInvoker] (same replica selection, timeout and records as HTTP), and
/// what the function returns for its output bindings is written afterwards. Delivery is at least once:
/// a failed queue message is retried and poisoned after `maxDequeueCount`, a failed blob version after 5
/// attempts (to `webjobs-blobtrigger-poison`), as the Functions host does. Thread-safe; close stops them all.
public final class TriggerHost implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    public static final String QUEUE_LEASE_SETTING = "BERTH_QUEUE_LEASE_SECONDS";

    private final FunctionApp app;
    private final ProjectStorage storage;
    private final FunctionInvoker invoker;
    private final OutputBindings outputs;
    private final EventListener events;
    private final Clock clock;
    private final List<AutoCloseable> running = new ArrayList<>();
    private final Sleeper timerSleeper;
    private final BindingExpressions expressions;
    private final InputBindings inputs;

    private TriggerHost(FunctionApp app, ProjectStorage storage, FunctionInvoker invoker, OutputBindings outputs,
                        EventListener events, Clock clock) {
        this.timerSleeper = Sleeper.of(clock);
        this.expressions = new BindingExpressions(app.settings(), clock);
        this.inputs = new InputBindings(storage.blobs(), expressions);
        this.app = app;
        this.storage = storage;
        this.invoker = invoker;
        this.outputs = outputs;
        this.events = events;
        this.clock = clock;
    }

    /// Starts a listener for every timer, queue and blob trigger of `app`. A trigger that cannot start
    /// (a schedule naming a missing setting, say) is reported as an ERROR notice; the others run.
    public static TriggerHost start(FunctionApp app, ProjectStorage storage, FunctionInvoker invoker,
                                    OutputBindings outputs, EventListener events, Clock clock) {
        var host = new TriggerHost(app, storage, invoker, outputs, events, clock);
        host.startAll();
        return host;
    }

    private void startAll() {
        TimerScheduler timers = null;
        for (var function : app.functions()) {
            var trigger = function.trigger().orElse(null);
            if (trigger == null) continue;
            try {
                switch (trigger.type()) {
                    case "timerTrigger" -> {
                        if (timers == null) timers = track(new TimerScheduler(clock, timerSleeper,
                                Optional.of(storage.timers()), this::fireTimer));
                        timers.start(timer(function, trigger));
                    }
                    case "queueTrigger" -> track(QueueTriggerPump.start(storage.queues(),
                            expressions.resolveSettings(property(function, trigger, "queueName")),
                            app.host().queues(), message -> onMessage(function, trigger, message), clock,
                            dev.berth.runner.queue.Sleeper.of(clock), Duration.ofSeconds(30), queueLease()));
                    case "blobTrigger" -> track(new BlobTriggerScanner(function.name(),
                            BlobPathPattern.parse(expressions.resolveSettings(property(function, trigger, "path"))),
                            storage.blobs(), storage.receipts(), invocation -> onBlob(function, trigger, invocation),
                            this::poison, BlobTriggerOptions.DEFAULTS, clock).start());
                    default -> { } // HTTP is the ingress's; Event Grid subscriptions are routed by the Event Grid
                }
            } catch (RuntimeException e) {
                notice(RunnerNotice.Level.ERROR, function.name() + "/function.json " + trigger.type()
                        + " cannot start: " + e.getMessage());
            }
        }
    }

    private <T extends AutoCloseable> T track(T listener) {
        running.add(listener);
        return listener;
    }

    /// How long an in-flight message stays hidden after a crash: the Functions host's 10 minutes, or
    /// `BERTH_QUEUE_LEASE_SECONDS` from the app settings (a Berth-only setting, for demos and tests).
    private Duration queueLease() {
        var text = app.settings().get(QUEUE_LEASE_SETTING);
        if (text == null || text.isBlank()) return QueueTriggerPump.LEASE;
        try {
            return Duration.ofSeconds(Long.parseLong(text.strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("local.settings.json Values." + QUEUE_LEASE_SETTING + " is \"" + text
                    + "\", not a number of seconds. Fix: write e.g. \"30\", or remove it for the default 600.");
        }
    }

    private TimerFunction timer(FunctionDef function, Binding trigger) {
        var schedule = TimerSchedule.parse(property(function, trigger, "schedule"), app.settings());
        return new TimerFunction(function.name(), schedule, flag(trigger, "runOnStartup", false),
                flag(trigger, "useMonitor", true));
    }

    private void fireTimer(TimerInvocation firing) throws Exception {
        var function = app.function(firing.function()).orElseThrow();
        var data = JSON.createObjectNode();
        data.set(function.trigger().orElseThrow().name(), firing.info().toJson());
        var summary = "timer " + function.name() + " (" + firing.reason().name().toLowerCase().replace('_', ' ') + ")";
        var error = invoke(function, "timerTrigger", data, JSON.createObjectNode(), summary, Map.of());
        // host.json `retry`, as the Functions host applies it to timers: on the timer's own thread, so the
        // next occurrence waits for the retries (one run at a time).
        var policy = app.host().retry();
        for (int retry = 1; error.isPresent() && policy.isPresent() && policy.get().allows(retry); retry++) {
            var delay = policy.get().delayBefore(retry);
            notice(RunnerNotice.Level.WARNING, function.name() + " failed (" + error.get() + "); retry " + retry
                    + " in " + delay.toMillis() + " ms (host.json retry)");
            timerSleeper.sleepUntil(clock.instant().plus(delay));
            error = invoke(function, "timerTrigger", data, JSON.createObjectNode(), summary + ", retry " + retry, Map.of());
        }
    }

    private Outcome onMessage(FunctionDef function, Binding trigger, QueueMessage message) throws Exception {
        var data = JSON.createObjectNode().put(trigger.name(), message.text());
        var metadata = JSON.createObjectNode()
                .put("DequeueCount", message.dequeueCount())
                .put("ExpirationTime", message.expirationTime().toString())
                .put("Id", message.id())
                .put("InsertionTime", message.insertionTime().toString())
                .put("NextVisibleTime", message.nextVisibleTime().toString())
                .put("PopReceipt", message.popReceipt());
        // The message's own JSON properties first: `{id}` in a path means the order's id, not the message's.
        var bindingData = new java.util.TreeMap<String, String>(String.CASE_INSENSITIVE_ORDER);
        jsonProperties(message.text(), bindingData);
        bindingData.put("queueTrigger", message.text());
        bindingData.putIfAbsent("id", message.id());
        bindingData.putIfAbsent("dequeueCount", String.valueOf(message.dequeueCount()));
        var error = invoke(function, "queueTrigger", data, metadata,
                message.queue() + ": message " + shortId(message.id()) + " (delivery " + message.dequeueCount() + ")",
                bindingData);
        return error.isEmpty() ? Outcome.success() : Outcome.failure(error.get());
    }

    private BlobHandler.Result onBlob(FunctionDef function, Binding trigger, BlobInvocation invocation) throws Exception {
        var blob = invocation.blob();
        var content = storage.blobs().get(blob.container(), blob.name());
        var data = JSON.createObjectNode().put(trigger.name(), new String(content.content(), StandardCharsets.UTF_8));
        var metadata = JSON.createObjectNode();
        invocation.bindingData().forEach(metadata::put);
        var properties = metadata.putObject("Properties");
        properties.put("ContentType", blob.contentType());
        properties.put("Length", blob.length());
        properties.put("ETag", blob.eTag());
        var error = invoke(function, "blobTrigger", data, metadata, "blob " + blob.path() + " (attempt "
                + invocation.attempt() + ")", invocation.bindingData());
        return error.isEmpty() ? BlobHandler.Result.SUCCEEDED : new BlobHandler.Result.Failed(error.get());
    }

    /// Runs one invocation and writes its outputs; empty when it succeeded, else why it failed.
    private Optional<String> invoke(FunctionDef function, String trigger, ObjectNode data, ObjectNode metadata,
                                    String summary, Map<String, String> bindingData) throws Exception {
        try {
            inputs.addTo(function, data, bindingData);
        } catch (RuntimeException e) {
            return Optional.of("input binding: " + e.getMessage());
        }
        var result = invoker.invoke(function, trigger, data, metadata, summary);
        if (!result.succeeded()) return Optional.of(result.error());
        try {
            outputs.apply(function, result.outputs(), bindingData);
            return Optional.empty();
        } catch (RuntimeException e) { // an output that cannot be written fails the invocation, to be retried
            return Optional.of("output binding: " + e.getMessage());
        }
    }

    private void poison(dev.berth.runner.blob.BlobPoison poison) {
        storage.queues().createIfNotExists(PoisonSink.AZURE_QUEUE);
        storage.queues().put(PoisonSink.AZURE_QUEUE, poison.azureMessageJson());
        notice(RunnerNotice.Level.WARNING, "blob " + poison.container() + "/" + poison.name() + " failed "
                + poison.attempts() + " times in " + poison.function() + "; moved to " + PoisonSink.AZURE_QUEUE
                + " (last error: " + poison.lastError() + ")");
    }

    private static void jsonProperties(String text, Map<String, String> into) {
        if (!text.startsWith("{")) return;
        try {
            JSON.readTree(text).properties().forEach(e -> into.putIfAbsent(e.getKey(),
                    e.getValue().isTextual() ? e.getValue().asText() : e.getValue().toString()));
        } catch (com.fasterxml.jackson.core.JsonProcessingException notJson) {
            // a message that only looks like JSON binds as text, as in Azure
        }
    }

    private static String property(FunctionDef function, Binding binding, String name) {
        var value = binding.properties().get(name);
        if (value == null || String.valueOf(value).isBlank()) {
            throw new IllegalArgumentException(name + " is missing. Fix: add \"" + name + "\" to binding \""
                    + binding.name() + "\" of " + function.name() + "/function.json.");
        }
        return String.valueOf(value);
    }

    private static boolean flag(Binding binding, String name, boolean fallback) {
        var value = binding.properties().get(name);
        return value == null ? fallback : Boolean.parseBoolean(String.valueOf(value));
    }

    private static String shortId(String id) {
        return id.length() > 8 ? id.substring(0, 8) : id;
    }

    private void notice(RunnerNotice.Level level, String text) {
        events.onEvent(new RunnerNotice(clock.instant(), level, text));
    }

    @Override
    public void close() {
        for (var listener : running.reversed()) {
            try {
                listener.close();
            } catch (Exception e) {
                org.slf4j.LoggerFactory.getLogger(TriggerHost.class).warn("stopping {} failed", listener, e);
            }
        }
    }
}
