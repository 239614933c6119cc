package dev.berth.app.ui;

import com.microsoft.durabletask.DurableTaskClient;
import com.microsoft.durabletask.DurableTaskGrpcClientBuilder;
import com.microsoft.durabletask.DurableTaskGrpcWorkerBuilder;
import com.microsoft.durabletask.TaskActivity;
import com.microsoft.durabletask.TaskActivityFactory;
import com.microsoft.durabletask.TaskOrchestration;
import com.microsoft.durabletask.TaskOrchestrationFactory;
import dev.berth.app.Composition;
import dev.berth.app.ui.fakes.FakeEngine;
import dev.berth.app.ui.fakes.FakeRunner;
import dev.berth.app.ui.fakes.FakeTemplates;
import dev.berth.runner.durable.DurableBackend;
import dev.berth.runner.event.RunnerEvent;
import dev.berth.visualizer.durable.Bar;
import dev.berth.visualizer.durable.InstanceList;
import dev.berth.visualizer.durable.TimelineView;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import javafx.scene.Node;
import javafx.scene.control.Label;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.matcher.control.LabeledMatchers;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static dev.berth.app.ui.UiTestSupport.onFx;
import static dev.berth.app.ui.UiTestSupport.screenshot;
import static org.assertj.core.api.Assertions.assertThat;

/// The Orchestrations tab over Berth's real durable backend, with histories made by the real Java SDK's
/// worker: the instance opens, its timeline shows the activities the SDK ran, a bar shows its output, and
/// an instance started while the tab is open appears without a refresh.
@Tag("ui")
class OrchestrationsRealBackendIT extends AppUiTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    private volatile FakeRunner runner;
    private DurableBackend backend;
    private ManagedChannel channel;
    private Thread worker;

    @AfterEach
    void stopBackend() throws Exception {
        if (channel != null) channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        if (worker != null) worker.interrupt(); // ends the SDK's retry loop (its own start() thread never ends)
        if (backend != null) backend.close();
    }

    @Test
    void realHistory_opensWithItsActivitiesOnTheTimeline_andNewInstancesAppearLive() throws Exception {
        backend = DurableBackend.start(new DurableBackend.Settings(work.resolve("berth.db"), 0, List.of(), true, "default",
                List.of(), Clock.systemUTC(), this::forward));
        channel = ManagedChannelBuilder.forAddress("127.0.0.1", backend.port().orElseThrow()).usePlaintext().build();
        var sdkWorker = new DurableTaskGrpcWorkerBuilder().grpcChannel(channel)
                .addOrchestration(orchestration("HelloCities", ctx -> {
                    var out = new ArrayList<String>();
                    for (var city : List.of("Tokyo", "Seattle", "London")) out.add(ctx.callActivity("SayHello", city, String.class).await());
                    ctx.complete(out);
                }))
                .addOrchestration(orchestration("Gate", ctx -> ctx.complete(ctx.waitForExternalEvent("Open", String.class).await())))
                .addActivity(activity("SayHello", ctx -> "Hello " + ctx.getInput(String.class) + "!"))
                .build();
        worker = new Thread(sdkWorker::startAndBlock, "sdk-worker");
        worker.setDaemon(true);
        worker.start();
        DurableTaskClient client = new DurableTaskGrpcClientBuilder().grpcChannel(channel).build();
        var id = client.scheduleNewOrchestrationInstance("HelloCities");
        client.waitForInstanceCompletion(id, WAIT, false);

        var dir = AppHarness.helloProject(work, "durable-app");
        runner = FakeRunner.withReadyReplicaAndInvocation();
        runner.durable = backend.control();
        var composition = new Composition(new FakeEngine(), runner, new FakeTemplates(), Clock.systemUTC(), userDir);
        stage = app.launch(composition, 50, window -> window.openProject(dir));
        clickOn("#runButton");
        waitUntil(() -> !lookup("#stopButton").queryButton().isDisabled());
        clickOn("#orchestrationsTab");
        waitUntil(() -> listed().contains(id));

        clickOn(cell(id));
        var timeline = lookup("#timelineView").queryAs(TimelineView.class);
        waitUntil(() -> onFx(timeline::drawnLaneLabels).equals(List.of("HelloCities", "SayHello")));
        assertThat(onFx(timeline::drawnBars)).extracting(Bar::kind).containsExactly(Bar.Kind.ORCHESTRATION,
                Bar.Kind.ACTIVITY, Bar.Kind.ACTIVITY, Bar.Kind.ACTIVITY);
        assertThat(onFx(timeline::drawnBars)).allMatch(bar -> bar.state() == Bar.State.COMPLETED);
        var seattle = onFx(() -> timeline.drawnBars().get(2));
        clickOn(onFx(() -> timeline.localToScreen(timeline.centerOf(seattle).orElseThrow())));
        waitUntil(() -> onFx(() -> lookup("#barOutput").query() instanceof javafx.scene.control.TextArea area
                ? area.getText() : ((Label) lookup("#barOutput").query()).getText()).equals("\"Hello Seattle!\""));
        screenshot(stage.getScene(), "orchestrations-real-backend.png");

        var gate = client.scheduleNewOrchestrationInstance("Gate");
        waitUntil(() -> listed().contains(gate));
        client.raiseEvent(gate, "Open", "now");
        client.waitForInstanceCompletion(gate, WAIT, false);
        waitUntil(() -> onFx(() -> statusOf(gate)).equals("Completed"));
    }

    /// Events the backend publishes before the app's runner exists are dropped; afterwards they reach the
    /// app as a running session's events would.
    private void forward(RunnerEvent event) {
        var current = runner;
        if (current != null) current.emit(event);
    }

    private static TaskOrchestrationFactory orchestration(String name, TaskOrchestration body) {
        return new TaskOrchestrationFactory() {
            @Override public String getName() { return name; }
            @Override public TaskOrchestration create() { return body; }
        };
    }

    private static TaskActivityFactory activity(String name, TaskActivity body) {
        return new TaskActivityFactory() {
            @Override public String getName() { return name; }
            @Override public TaskActivity create() { return body; }
        };
    }

    private List<String> listed() throws Exception {
        return onFx(() -> lookup("#instanceList").queryAs(InstanceList.class).rows().stream()
                .map(row -> row.instanceId()).toList());
    }

    private String statusOf(String id) {
        return lookup("#instanceList").queryAs(InstanceList.class).rows().stream()
                .filter(row -> row.instanceId().equals(id)).findFirst().orElseThrow().status();
    }

    private Node cell(String text) {
        Node table = lookup("#instanceTable").query();
        return from(table).lookup(".table-cell").match(LabeledMatchers.hasText(text)).query();
    }

    private static void waitUntil(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        UiTestSupport.waitUntil(20, condition);
    }
}
