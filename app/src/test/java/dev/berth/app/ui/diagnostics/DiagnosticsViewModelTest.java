package dev.berth.app.ui.diagnostics;

import dev.berth.app.ui.fakes.ManualTaskExecutor;
import dev.berth.runner.doctor.Finding;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DiagnosticsViewModelTest {
    private final ManualTaskExecutor tasks = new ManualTaskExecutor();
    private final List<Path> asked = new ArrayList<>();
    private List<Finding> answer = List.of(Finding.ok("Docker", "Docker 27.3.1"),
            Finding.warn("Image berth/base-java:25", "not built yet", "built at first run, ~1 min"));

    private DiagnosticsViewModel model() {
        return new DiagnosticsViewModel(dir -> {
            asked.add(dir);
            if (answer == null) throw new IllegalStateException("engine exploded");
            return answer;
        }, tasks, Path.of("/work/hello"));
    }

    @Test
    void run_whileInFlight_isRunningAndKeepsTheOldFindingsUntilTheNewOnesCome() {
        var model = model();
        model.run();
        assertThat(model.runningProperty().get()).isTrue();
        assertThat(model.summaryProperty().get()).startsWith("Checking");
        assertThat(model.findings()).isEmpty();

        tasks.runAll();
        assertThat(model.runningProperty().get()).isFalse();
        assertThat(model.findings()).extracting(Finding::name).containsExactly("Docker", "Image berth/base-java:25");
        assertThat(model.summaryProperty().get()).isEqualTo("Ready to run projects; 1 warning(s)");
        assertThat(model.unhealthy()).isFalse();
        assertThat(asked).containsExactly(Path.of("/work/hello"));
    }

    @Test
    void run_twiceBeforeTheFirstEnds_runsTheChecksOnce() {
        var model = model();
        model.run();
        model.run();
        assertThat(tasks.pendingCount()).isEqualTo(1);
    }

    @Test
    void run_aFailure_isUnhealthyAndSaysHowMany() {
        answer = List.of(Finding.fail("Docker", "connection refused", "start Docker"));
        var model = model();
        model.run();
        tasks.runAll();
        assertThat(model.unhealthy()).isTrue();
        assertThat(model.summaryProperty().get()).isEqualTo("1 problem(s) stop Berth from running projects; 0 warning(s)");
    }

    @Test
    void run_checksThrow_saysWhyAndCanRunAgain() {
        answer = null;
        var model = model();
        model.run();
        tasks.runAll();
        assertThat(model.summaryProperty().get()).isEqualTo("The checks could not run: engine exploded");
        assertThat(model.runningProperty().get()).isFalse();
        model.run();
        assertThat(tasks.pendingCount()).isEqualTo(1);
    }

    @Test
    void setFolder_nextRunLooksThere() {
        var model = model();
        model.setFolder(Path.of("/work/other"));
        model.run();
        tasks.runAll();
        assertThat(asked).containsExactly(Path.of("/work/other"));
    }
}
