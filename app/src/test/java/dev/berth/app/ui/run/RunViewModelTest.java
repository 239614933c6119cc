package dev.berth.app.ui.run;

import dev.berth.app.ui.fakes.FakeRunner;
import dev.berth.app.ui.fakes.ManualEventPipe;
import dev.berth.app.ui.fakes.RecordingOutput;
import dev.berth.app.ui.fakes.SameThreadTaskExecutor;
import dev.berth.runner.event.LogLine;
import dev.berth.runner.session.DebugEndpoint;
import dev.berth.visualizer.ReplicaRow;
import javafx.beans.property.SimpleBooleanProperty;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class RunViewModelTest {
    private final FakeRunner runner = FakeRunner.withReadyReplicaAndInvocation();
    private final ManualEventPipe pipe = new ManualEventPipe();
    private final SimpleBooleanProperty docker = new SimpleBooleanProperty(true);
    private final RecordingOutput output = new RecordingOutput();
    private final RunViewModel model = new RunViewModel(runner, Path.of("/projects/hello"), 0,
            new SameThreadTaskExecutor(), pipe, docker);

    RunViewModelTest() { model.attach(output); }

    @Test
    void run_dockerAvailable_startsSessionAndShowsIngressAndKeys() {
        model.run();
        assertThat(model.stateProperty().get()).isEqualTo(RunState.RUNNING);
        assertThat(runner.starts).singleElement().satisfies(o -> assertThat(o.debug()).isFalse());
        assertThat(model.ingressUrlProperty().get()).isEqualTo("http://127.0.0.1:7071");
        assertThat(model.functionKeys()).extracting(FunctionKey::name).containsExactlyInAnyOrder("default", "master");
        assertThat(model.canRunProperty().get()).isFalse();
        assertThat(model.canStopProperty().get()).isTrue();
    }

    @Test
    void canRun_dockerUnavailable_isFalseAndRunDoesNothing() {
        docker.set(false);
        assertThat(model.canRunProperty().get()).isFalse();
        model.run();
        assertThat(runner.starts).isEmpty();
        assertThat(model.stateProperty().get()).isEqualTo(RunState.IDLE);
    }

    @Test
    void run_runnerFails_stateFailedWithTheRunnersMessage() {
        runner.failure = "Port 7071 is in use. Fix: stop the other process or run with another port.";
        model.run();
        assertThat(model.stateProperty().get()).isEqualTo(RunState.FAILED);
        assertThat(model.errorMessageProperty().get()).contains("hello").contains("Port 7071 is in use");
        assertThat(model.canRunProperty().get()).isTrue();
    }

    @Test
    void onEvents_batchWithReadyReplicaAndInvocation_publishesRowsAndLogs() {
        model.run();
        pipe.flush();
        assertThat(output.replicas).extracting(ReplicaRow::id, ReplicaRow::state, ReplicaRow::hostPort)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("hello-r1-a1", "READY", 49153));
        assertThat(output.invocations).singleElement().satisfies(row -> {
            assertThat(row.function()).isEqualTo("hello");
            assertThat(row.status()).isEqualTo(200);
        });
        assertThat(output.logs).hasSize(4);
    }

    @Test
    void onEvents_laterLogLine_isAppendedAfterTheFirstBatch() {
        model.run();
        pipe.flush();
        runner.emit(new LogLine(FakeRunner.T0, "hello-r1-a2", "stdout", "listening on 8080"));
        pipe.flush();
        assertThat(output.logs).hasSize(5);
        assertThat(output.logs.getLast().text()).isEqualTo("listening on 8080");
    }

    @Test
    void stop_running_closesSessionAndReturnsToIdle() {
        model.run();
        model.stop();
        assertThat(runner.sessions.getFirst().closed).hasValue(1);
        assertThat(model.stateProperty().get()).isEqualTo(RunState.IDLE);
        assertThat(model.ingressUrlProperty().get()).isEmpty();
        assertThat(model.functionKeys()).isEmpty();
    }

    @Test
    void debug_running_asksForDebugAndShowsEndpoint() {
        model.debug();
        assertThat(runner.starts.getFirst().debug()).isTrue();
        assertThat(model.debugEndpointProperty().get()).isEqualTo(new DebugEndpoint("127.0.0.1", 49154));
    }

    @Test
    void run_again_clearsTheViewsAndClosesThePreviousChannel() {
        model.run();
        model.stop();
        model.run();
        assertThat(output.clears).isEqualTo(2);
        assertThat(pipe.closedCount()).isEqualTo(1);
        assertThat(pipe.openedCount()).isEqualTo(2);
    }

    @Test
    void dispose_running_stopsTheSession() {
        model.run();
        model.dispose();
        assertThat(runner.sessions.getFirst().closed).hasValue(1);
        assertThat(model.stateProperty().get()).isEqualTo(RunState.IDLE);
    }
}
