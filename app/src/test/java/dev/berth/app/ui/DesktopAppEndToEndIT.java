package dev.berth.app.ui;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.app.Composition;
import dev.berth.app.ProjectTemplates;
import dev.berth.runner.docker.DockerEngine;
import dev.berth.runner.session.LocalRunner;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.concurrent.Callable;

import static dev.berth.app.ui.UiTestSupport.onFx;
import static dev.berth.app.ui.UiTestSupport.screenshot;
import static dev.berth.app.ui.UiTestSupport.texts;
import static org.assertj.core.api.Assertions.assertThat;

/// The whole path a user takes, for real: the desktop app on the real composition (Docker engine, local
/// runner, built-in templates): New project → Run → a replica turns Ready → a request through the
/// ingress → its invocation appears in the table → Stop removes the container.
@Tag("ui")
@Tag("docker")
class DesktopAppEndToEndIT extends AppUiTest {
    private DockerEngine engine;

    @Override
    void afterAppClosed() throws Exception {
        if (engine != null) engine.close();
    }

    @Test
    void newProjectRunRequest_showsReadyReplicaAndTheInvocation_thenStopRemovesTheContainer() throws Exception {
        engine = new DockerEngine();
        var clock = Clock.systemUTC();
        var composition = new Composition(engine, new LocalRunner(engine, clock), ProjectTemplates.builtIn(), clock, userDir);
        stage = app.launch(composition, 75);

        clickOn("#newProjectButton");
        // Eleven template cards take a moment to lay out in the dialog's own window; wait until it shows them.
        waitUntil(30, () -> lookup("#templateCard-http-python").tryQuery()
                .map(card -> card.isVisible() && card.getScene().getWindow().isShowing()).orElse(false));
        screenshot(lookup("#templateCard-http-python").query().getScene(), "new-project-real.png");
        clickOn("#templateCard-http-python");
        clickOn("#projectName").write("hello-berth");
        var folder = lookup("#projectFolder").queryAs(TextField.class);
        interact(() -> folder.setText(work.toString()));
        clickOn("#createButton");
        waitUntil(30, () -> lookup("#runButton").tryQuery().isPresent());
        var run = lookup("#runButton").queryAs(Button.class);
        waitUntil(30, () -> !run.isDisabled());
        doubleClickOn("handler.py");

        clickOn(run);

        clickOn("#replicasTab");
        waitUntil(240, () -> onFx(() -> texts(lookup("#replicaTable").query())).contains("READY"));
        var ingress = lookup("#ingressUrl").queryAs(Labeled.class).getText();
        assertThat(ingress).startsWith("http://127.0.0.1:");
        var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(ingress + "/api/hello/Ada")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.body()).isEqualTo("Hello, Ada!");

        clickOn("#invocationsTab");
        waitUntil(30, () -> onFx(() -> texts(lookup("#invocationTable").query())).contains("hello"));
        assertThat(onFx(() -> texts(lookup("#invocationTable").query()))).contains("200");
        clickOn(lookup("#invocationTable .table-row-cell").queryAll().iterator().next());
        waitUntil(10, () -> onFx(() -> texts(lookup("#invocationTable").query())).stream()
                .anyMatch(t -> t.contains("Hello, Ada!")));
        screenshot(stage.getScene(), "main-window-real-run.png");
        clickOn("#replicasTab");
        screenshot(stage.getScene(), "main-window-real-replicas.png");
        clickOn("#logsTab");
        waitUntil(10, () -> onFx(() -> texts(lookup("#logView").query())).stream().anyMatch(t -> t.contains("greeting Ada")));
        screenshot(stage.getScene(), "main-window-real-logs.png");
        // The admin API shows the same replicas as the table; it also gives the full container ids.
        var replicas = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(ingress + "/admin/berth/replicas")).build(),
                HttpResponse.BodyHandlers.ofString());
        var containers = new ObjectMapper().readTree(replicas.body()).findValuesAsText("containerId");
        assertThat(containers).isNotEmpty();

        clickOn("#stopButton");
        waitUntil(60, () -> !lookup("#runButton").queryButton().isDisabled());
        for (var id : containers) assertThat(engine.status(id).exists()).as("container %s removed", id).isFalse();
    }

    private static void waitUntil(long seconds, Callable<Boolean> condition) throws Exception {
        UiTestSupport.waitUntil(seconds, condition);
    }
}
