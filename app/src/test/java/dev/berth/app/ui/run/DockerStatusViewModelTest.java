package dev.berth.app.ui.run;

import dev.berth.app.ui.fakes.FakeEngine;
import dev.berth.app.ui.fakes.SameThreadTaskExecutor;
import dev.berth.runner.container.EngineInfo;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DockerStatusViewModelTest {
    private final FakeEngine engine = new FakeEngine();
    private final DockerStatusViewModel model = new DockerStatusViewModel(engine, new SameThreadTaskExecutor());

    @Test
    void check_engineAnswers_availableWithVersionAndGpu() {
        engine.answer = new EngineInfo("20.10.24", "1.41", "linux", true, "NVIDIA runtime registered");
        model.check();
        assertThat(model.availableProperty().get()).isTrue();
        assertThat(model.statusTextProperty().get()).isEqualTo("Docker 20.10.24 · API 1.41");
        assertThat(model.gpuTextProperty().get()).isEqualTo("GPU available");
        assertThat(model.problemProperty().get()).isEmpty();
    }

    @Test
    void check_engineUnreachable_problemIsTheEnginesMessage() {
        engine.failure = "Cannot connect to /var/run/docker.sock: no such file. Fix: start dockerd.";
        model.check();
        assertThat(model.availableProperty().get()).isFalse();
        assertThat(model.problemProperty().get()).isEqualTo(engine.failure);
        assertThat(model.statusTextProperty().get()).isEqualTo("Docker unavailable");
    }

    @Test
    void check_retryAfterDockerStarted_clearsTheProblem() {
        engine.failure = "no daemon";
        model.check();
        engine.failure = null;
        model.check();
        assertThat(model.availableProperty().get()).isTrue();
        assertThat(model.problemProperty().get()).isEmpty();
        assertThat(model.gpuTextProperty().get()).isEqualTo("No GPU");
    }
}
