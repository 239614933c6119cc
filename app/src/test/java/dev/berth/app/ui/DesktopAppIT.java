package dev.berth.app.ui;

import dev.berth.app.Composition;
import dev.berth.app.ui.fakes.FakeEngine;
import dev.berth.app.ui.fakes.FakeRunner;
import dev.berth.app.ui.fakes.FakeTemplates;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;

import static dev.berth.app.ui.UiTestSupport.onFx;
import static dev.berth.app.ui.UiTestSupport.screenshot;
import static dev.berth.app.ui.UiTestSupport.texts;
import static org.assertj.core.api.Assertions.assertThat;

/// Drives the real desktop UI (real views, executors and coalescing event pipe) over a fake runner,
/// engine and scaffolder, and saves screenshots of the key screens to target/screenshots.
@Tag("ui")
class DesktopAppIT extends AppUiTest {
    private static final long TIMEOUT_S = 15;


    private void launch(FakeEngine engine, FakeRunner runner) throws Exception {
        var composition = new Composition(engine, runner, new FakeTemplates(), Clock.systemUTC(), userDir);
        stage = app.launch(composition, 50);
    }

    @Test
    void newProject_thenRun_showsReadyReplicaAndInvocation() throws Exception {
        var runner = FakeRunner.withReadyReplicaAndInvocation();
        seedRecent(project("orders-api"), work.resolve("old-experiment"));
        launch(new FakeEngine(), runner);
        assertThat(lookup("#newProjectButton").queryButton().isVisible()).isTrue();
        assertThat(texts(lookup("#recentProjects").query())).contains("orders-api");
        screenshot(stage.getScene(), "start-page.png");

        clickOn("#newProjectButton");
        waitUntil(() -> lookup("#templateCard-http-python").tryQuery().isPresent());
        clickOn("#templateCard-http-python");
        clickOn("#projectName").write("My-app");
        assertThat(lookup("#projectNameMessage").queryAs(Labeled.class).getText()).contains("lowercase");
        assertThat(lookup("#createButton").queryButton().isDisabled()).isTrue();
        var name = lookup("#projectName").queryAs(TextField.class);
        interact(name::clear);
        clickOn(name).write("hello-berth");
        var folder = lookup("#projectFolder").queryAs(TextField.class);
        interact(() -> folder.setText(work.toString()));
        assertThat(lookup("#createButton").queryButton().isDisabled()).isFalse();
        screenshot(lookup("#createButton").query().getScene(), "new-project.png");
        clickOn("#createButton");

        waitUntil(() -> lookup("#runButton").tryQuery().isPresent());
        assertThat(Files.isRegularFile(work.resolve("hello-berth/host.json"))).isTrue();
        doubleClickOn("host.json");
        var run = lookup("#runButton").queryAs(Button.class);
        waitUntil(() -> !run.isDisabled());
        clickOn(run);

        waitUntil(() -> "http://127.0.0.1:7071".equals(lookup("#ingressUrl").queryAs(Labeled.class).getText()));
        clickOn("#invocationsTab");
        waitUntil(() -> onFx(() -> texts(lookup("#invocationTable").query())).stream()
                .anyMatch(t -> t.contains("hello")));
        assertThat(onFx(() -> texts(lookup("#invocationTable").query()))).anyMatch(t -> t.contains("200"));
        clickOn("#replicasTab");
        waitUntil(() -> onFx(() -> texts(lookup("#replicaTable").query())).stream().anyMatch(t -> t.contains("READY")));
        assertThat(lookup("#stopButton").queryButton().isDisabled()).isFalse();
        screenshot(stage.getScene(), "main-window-running.png");

        clickOn("#stopButton");
        waitUntil(() -> runner.sessions.getFirst().closed.get() == 1);
        waitUntil(() -> !lookup("#runButton").queryButton().isDisabled());
    }

    @Test
    void dockerUnavailable_showsBannerDisablesRunAndRetryRecovers() throws Exception {
        var engine = FakeEngine.unavailable("Cannot connect to the Docker daemon at unix:///var/run/docker.sock "
                + "(connection refused).");
        seedRecent(project("orders-api"));
        launch(engine, FakeRunner.withReadyReplicaAndInvocation());
        clickOn("orders-api");

        waitUntil(() -> lookup("#dockerBanner").tryQuery().map(Node::isVisible).orElse(false));
        assertThat(texts(lookup("#dockerBanner").query())).anyMatch(t -> t.contains("connection refused"));
        assertThat(lookup("#runButton").queryButton().isDisabled()).isTrue();
        screenshot(stage.getScene(), "docker-unavailable.png");

        engine.failure = null;
        clickOn("#retryDockerButton");
        waitUntil(() -> !lookup("#dockerBanner").query().isVisible());
        waitUntil(() -> !lookup("#runButton").queryButton().isDisabled());

        clickOn("#debugButton");
        var endpoint = lookup("#debugEndpoint").queryAs(Labeled.class);
        waitUntil(() -> endpoint.getText().contains("127.0.0.1:49154"));
        assertThat(endpoint.getText()).contains("Remote JVM Debug");
        screenshot(stage.getScene(), "main-window-debugging.png");
    }

    @Test
    void openFile_editSaveAndDarkTheme_writesFileClearsDirtyMarkAndKeepsTheme() throws Exception {
        var dir = project("orders-api");
        seedRecent(dir);
        launch(new FakeEngine(), FakeRunner.withReadyReplicaAndInvocation());
        clickOn("orders-api");
        waitUntil(() -> lookup("#projectTree").tryQuery().isPresent());
        doubleClickOn("host.json");
        var tabs = lookup("#editorTabs").queryAs(TabPane.class);
        waitUntil(() -> tabs.getTabs().size() == 1 && "host.json".equals(tabs.getTabs().getFirst().getText()));

        clickOn(tabs.getTabs().getFirst().getContent()).write("  ");
        waitUntil(() -> tabs.getTabs().getFirst().getText().endsWith("●"));
        press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
        waitUntil(() -> "host.json".equals(tabs.getTabs().getFirst().getText()));
        assertThat(Files.readString(dir.resolve("host.json"))).contains("\"version\"").contains("  ");

        press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.L).release(KeyCode.L, KeyCode.SHIFT, KeyCode.CONTROL);
        waitUntil(() -> Files.readString(userDir.resolve("settings.json")).contains("dark"));
        screenshot(stage.getScene(), "main-window-editor-dark.png");
    }

    private Path project(String name) throws IOException {
        return AppHarness.helloProject(work, name);
    }

    private void seedRecent(Path... projects) throws IOException {
        AppHarness.seedRecent(userDir, projects);
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        UiTestSupport.waitUntil(TIMEOUT_S, condition);
    }
}
