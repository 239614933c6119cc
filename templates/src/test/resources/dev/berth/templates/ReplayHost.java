import com.google.protobuf.StringValue;
import com.google.protobuf.Timestamp;
import com.microsoft.durabletask.JacksonDataConverter;
import com.microsoft.durabletask.OrchestrationRunner;
import com.microsoft.durabletask.TaskActivity;
import com.microsoft.durabletask.TaskActivityContext;
import com.microsoft.durabletask.TaskOrchestration;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.EventRaisedEvent;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.ExecutionStartedEvent;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.HistoryEvent;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.OrchestrationInstance;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.OrchestratorAction;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.OrchestratorRequest;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.OrchestratorResponse;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.OrchestratorStartedEvent;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.TaskCompletedEvent;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.TaskScheduledEvent;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.TimerCreatedEvent;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.TimerFiredEvent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/// Test-only replay host for the durable templates (DurableMavenBuildIT compiles it against a packaged
/// project's jars): runs one orchestrator of package `app` through the SDK's own replay executor
/// (`OrchestrationRunner`), episode after episode, as a backend would. Activities (classes of `app` named
/// like their function) run in this process; timers fire at once, moving a simulated clock to their fire
/// time; with an event argument, that event is raised instead the first time the orchestrator waits on a
/// timer. Prints one line per episode and step (`episode n`, `activity …`, `timer …`, `event …`,
/// `customStatus …`) and ends with `status …` and `output <json>`.
///
/// Usage: `ReplayHost <orchestrator> <input json | -> [<event name> <payload json>]`. Single-threaded.
public final class ReplayHost {
    private static final JacksonDataConverter JSON = new JacksonDataConverter();

    private final TaskOrchestration orchestration;
    private final List<HistoryEvent> past = new ArrayList<>();
    private final List<HistoryEvent> next = new ArrayList<>();
    private final TreeMap<Instant, Integer> timers = new TreeMap<>();
    // Starts at the real time: activities compare the wall clock with times the orchestrator computed.
    private Instant clock = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);

    private ReplayHost(TaskOrchestration orchestration) { this.orchestration = orchestration; }

    public static void main(String[] args) throws Exception {
        var host = new ReplayHost((TaskOrchestration) instance(args[0]));
        var input = args[1].equals("-") ? null : args[1];
        host.run(args[0], input, args.length > 3 ? args[2] : null, args.length > 3 ? args[3] : null);
    }

    private void run(String name, String input, String eventName, String eventPayload) throws Exception {
        var started = ExecutionStartedEvent.newBuilder().setName(name)
                .setOrchestrationInstance(OrchestrationInstance.newBuilder().setInstanceId("replay-1"));
        if (input != null) started.setInput(StringValue.of(input));
        next.add(event(-1).setOrchestratorStarted(OrchestratorStartedEvent.getDefaultInstance()).build());
        next.add(event(-1).setExecutionStarted(started).build());
        for (int episode = 0; episode < 10_000; episode++) {
            System.out.println("episode " + episode);
            var request = OrchestratorRequest.newBuilder().setInstanceId("replay-1").addAllPastEvents(past)
                    .addAllNewEvents(next).build();
            var response = OrchestratorResponse.parseFrom(OrchestrationRunner.loadAndRun(request.toByteArray(), orchestration));
            past.addAll(next);
            next.clear();
            if (response.hasCustomStatus()) System.out.println("customStatus " + response.getCustomStatus().getValue());
            for (var action : response.getActionsList()) {
                if (apply(action)) return;
            }
            if (next.isEmpty()) wake(eventName, eventPayload);
            eventName = next.stream().anyMatch(HistoryEvent::hasEventRaised) ? null : eventName;
            next.addFirst(event(-1).setOrchestratorStarted(OrchestratorStartedEvent.getDefaultInstance()).build());
        }
        throw new IllegalStateException("no completion after 10000 episodes");
    }

    /// Records what the orchestrator asked for and its outcome; true when it completed.
    private boolean apply(OrchestratorAction action) throws Exception {
        int id = action.getId();
        if (action.hasScheduleTask()) {
            var task = action.getScheduleTask();
            past.add(event(id).setTaskScheduled(TaskScheduledEvent.newBuilder().setName(task.getName())
                    .setInput(task.getInput())).build());
            var result = JSON.serialize(activity(task.getName(), task.getInput().getValue()));
            System.out.println("activity " + task.getName() + " " + task.getInput().getValue() + " -> " + result);
            var completed = TaskCompletedEvent.newBuilder().setTaskScheduledId(id);
            if (result != null) completed.setResult(StringValue.of(result));
            next.add(event(-1).setTaskCompleted(completed).build());
        } else if (action.hasCreateTimer()) {
            var fireAt = action.getCreateTimer().getFireAt();
            past.add(event(id).setTimerCreated(TimerCreatedEvent.newBuilder().setFireAt(fireAt)).build());
            timers.put(Instant.ofEpochSecond(fireAt.getSeconds(), fireAt.getNanos()), id);
        } else if (action.hasCompleteOrchestration()) {
            var complete = action.getCompleteOrchestration();
            System.out.println("status " + complete.getOrchestrationStatus());
            if (complete.hasFailureDetails()) System.out.println("failure " + complete.getFailureDetails().getErrorMessage());
            System.out.println("output " + complete.getResult().getValue());
            return true;
        } else {
            throw new IllegalStateException("ReplayHost does not handle " + action);
        }
        return false;
    }

    /// Nothing is in flight: raise the event if one is due, else fire the earliest timer.
    private void wake(String eventName, String eventPayload) {
        if (eventName != null && !timers.isEmpty()) {
            System.out.println("event " + eventName + " " + eventPayload);
            next.add(event(-1).setEventRaised(EventRaisedEvent.newBuilder().setName(eventName)
                    .setInput(StringValue.of(eventPayload))).build());
            return;
        }
        var timer = timers.pollFirstEntry();
        if (timer == null) throw new IllegalStateException("the orchestrator waits for nothing and has not completed");
        // A backend wakes the orchestrator after the fire time, never at it: the SDK's timer chain
        // (TaskOrchestrationExecutor.TimerTask) counts a timer as done only once the time is past it.
        var woken = timer.getKey().plusMillis(1);
        clock = woken.isAfter(clock) ? woken : clock;
        System.out.println("timer " + timer.getValue() + " fired at " + timer.getKey());
        next.add(event(-1).setTimerFired(TimerFiredEvent.newBuilder().setTimerId(timer.getValue())
                .setFireAt(timestamp(timer.getKey()))).build());
    }

    private HistoryEvent.Builder event(int id) { return HistoryEvent.newBuilder().setEventId(id).setTimestamp(timestamp(clock)); }

    private static Timestamp timestamp(Instant at) {
        return Timestamp.newBuilder().setSeconds(at.getEpochSecond()).setNanos(at.getNano()).build();
    }

    private static Object activity(String name, String input) throws Exception {
        var activity = (TaskActivity) instance(name);
        return activity.run(new TaskActivityContext() {
            @Override public String getName() { return name; }
            @Override public <T> T getInput(Class<T> type) { return JSON.deserialize(input, type); }
        });
    }

    private static Object instance(String simpleName) throws Exception {
        return Class.forName("app." + simpleName).getDeclaredConstructor().newInstance();
    }
}
