package dev.berth.app.ui;

import dev.berth.app.Composition;
import dev.berth.app.ui.fakes.FakeEngine;
import dev.berth.app.ui.fakes.FakeRunner;
import dev.berth.app.ui.fakes.FakeTemplates;
import dev.berth.runner.doctor.Finding;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.List;

import static dev.berth.app.ui.UiTestSupport.onFx;
import static dev.berth.app.ui.UiTestSupport.screenshot;
import static dev.berth.app.ui.UiTestSupport.texts;
import static org.assertj.core.api.Assertions.assertThat;

/// Diagnostics from the start page and from View → Diagnostics… in the real desktop app: the real checks (host ports, disk, GPU, JDK, Maven) over a
/// fake engine, their findings with status icons and fixes, then Re-run after Docker went away. Screenshots
/// go to target/screenshots.
@Tag("ui")
class DiagnosticsIT extends AppUiTest {
    private static final long TIMEOUT_S = 30;

    @Test
    void viewMenu_diagnostics_showsEachFindingWithItsFix_andReRunSeesDockerGone() throws Exception {
        var engine = new FakeEngine();
        engine.images.add("berth/base-python:bookworm");
        var dir = AppHarness.helloProject(work, "hello");
        var composition = new Composition(engine, new FakeRunner(), new FakeTemplates(), Clock.systemUTC(), userDir);
        var opened = new Object() { AppWindow window; };
        stage = app.launch(composition, 50, window -> opened.window = window);

        clickOn("#diagnosticsButton"); // the start page's corner: where a user lands when Docker is broken
        waitUntil(() -> summary().startsWith("Ready to run projects"));
        assertThat(onFx(() -> texts(lookup("#diagnosticsFindings").query()))).contains("Docker 27.3.1 on linux");
        interact(() -> diagnosticsWindowNow().hide());

        interact(() -> opened.window.openProject(dir));
        clickOn("View");
        clickOn("Diagnostics…");
        waitUntil(() -> summary().startsWith("Ready to run projects"));
        var view = lookup("#diagnosticsFindings").query();
        var shown = onFx(() -> texts(view));
        assertThat(shown).contains("Docker", "Docker API", "Port 7071 (ingress)", "Image berth/base-java:25", "GPU",
                "JDK (Berth)", "Maven", "Docker 27.3.1 on linux", "Fix: nothing to do: it is built at first run, ~1 min");
        assertThat(icons(view)).contains(Finding.Status.OK, Finding.Status.WARN, Finding.Status.INFO)
                .doesNotContain(Finding.Status.FAIL);
        screenshot(diagnosticsWindow().getScene(), "diagnostics.png");

        engine.failure = "Cannot reach Docker at unix:///var/run/docker.sock: connection refused";
        clickOn("#diagnosticsRerunButton");
        waitUntil(() -> summary().startsWith("1 problem(s)"));
        assertThat(icons(lookup("#diagnosticsFindings").query()).getFirst()).isEqualTo(Finding.Status.FAIL);
        assertThat(onFx(() -> texts(lookup("#diagnosticsFindings").query())))
                .contains("Cannot reach Docker at unix:///var/run/docker.sock: connection refused");
        assertThat(lookup("#diagnosticsRerunButton").queryAs(Button.class).isDisabled()).isFalse();
        screenshot(diagnosticsWindow().getScene(), "diagnostics-docker-down.png");
    }

    private String summary() throws Exception {
        return onFx(() -> lookup("#diagnosticsSummary").queryAs(Label.class).getText());
    }

    /// The status of each row's icon, top to bottom.
    private List<Finding.Status> icons(Node view) throws Exception {
        return onFx(() -> ((javafx.scene.Parent) view).getChildrenUnmodifiable().stream()
                .filter(n -> n.getUserData() instanceof Finding.Status).map(n -> (Finding.Status) n.getUserData()).toList());
    }

    private Stage diagnosticsWindow() throws Exception { return onFx(DiagnosticsIT::diagnosticsWindowNow); }

    /// FX thread only.
    private static Stage diagnosticsWindowNow() {
        return Window.getWindows().stream().filter(w -> w instanceof Stage s && "Berth — Diagnostics".equals(s.getTitle()))
                .map(w -> (Stage) w).findFirst().orElseThrow();
    }

    private void waitUntil(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        UiTestSupport.waitUntil(TIMEOUT_S, condition);
    }
}
