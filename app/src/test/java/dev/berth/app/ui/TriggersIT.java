package dev.berth.app.ui;

import com.sun.net.httpserver.HttpServer;
import dev.berth.app.Composition;
import dev.berth.app.ui.fakes.FakeEngine;
import dev.berth.app.ui.fakes.FakeRunner;
import dev.berth.app.ui.fakes.FakeTemplates;
import dev.berth.app.ui.trigger.Apps;
import dev.berth.editor.CodeEditor;
import dev.berth.runner.event.InvocationFinished;
import dev.berth.runner.event.InvocationStarted;
import dev.berth.runner.event.LogLine;
import dev.berth.runner.event.ReplicaState;
import dev.berth.runner.event.ReplicaStateChanged;
import dev.berth.visualizer.InvocationRow;
import dev.berth.visualizer.InvocationTable;
import dev.berth.visualizer.LogView;
import dev.berth.visualizer.TriggerGraph;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.berth.app.ui.UiTestSupport.onFx;
import static dev.berth.app.ui.UiTestSupport.screenshot;
import static dev.berth.app.ui.UiTestSupport.texts;
import static org.assertj.core.api.Assertions.assertThat;

/// The Triggers tab, Run now and the cron preview in the real desktop UI over a fake runner whose session
/// runs an order pipeline (HTTP, queue, blob, Event Grid and timer functions) and whose ingress is a tiny
/// local HTTP server answering the admin endpoint. Screenshots go to target/screenshots.
@Tag("ui")
class TriggersIT extends AppUiTest {
    private static final long TIMEOUT_S = 15;

    private HttpServer ingress;
    private final List<String> adminCalls = new CopyOnWriteArrayList<>();

    @Override
    void afterAppClosed() {
        if (ingress != null) ingress.stop(0);
    }

    @Test
    void triggersTab_runNowAndCronPreview_showWhatTheRunDoes() throws Exception {
        var dir = project();
        var runner = new FakeRunner();
        runner.onStart.add(new ReplicaStateChanged(FakeRunner.T0, "shop-r1-a1", "r1", "c0ffee12", ReplicaState.READY, ""));
        runner.app = Apps.orderPipeline();
        runner.ingress = startIngress();
        launch(runner, dir);

        clickOn("#runButton");
        waitUntil(() -> !lookup("#stopButton").queryButton().isDisabled());
        emitInvocations(runner);
        clickOn("#triggersTab");
        var graph = lookup("#triggerGraph").queryAs(TriggerGraph.class);
        waitUntil(() -> onFx(() -> texts(graph)).contains("6 calls"));
        assertThat(onFx(() -> texts(graph))).contains("GET,POST /api/orders", "0 */5 * * * *", "Event Grid", "images",
                "receipts", "HTTP response", "3 calls · 33% errors");
        screenshot(stage.getScene(), "triggers-graph.png");

        clickOn("#" + TriggerGraph.boxId("fn:process"));
        var table = lookup("#invocationTable").queryAs(InvocationTable.class);
        var log = lookup("#logView").queryAs(LogView.class);
        waitUntil(() -> onFx(() -> shownFunctions(table)).equals(List.of("process")));
        assertThat(onFx(() -> log.textFilterProperty().get())).isEqualTo("process");
        assertThat(onFx(() -> log.visibleLines().stream().allMatch(l -> l.text().contains("process")))).isTrue();
        screenshot(stage.getScene(), "triggers-graph-selected.png");
        clickOn(point(graph).atPosition(Pos.TOP_RIGHT).atOffset(new javafx.geometry.Point2D(-30, 30)));
        waitUntil(() -> onFx(() -> shownFunctions(table).size()) == 15);
        assertThat(onFx(() -> log.textFilterProperty().get())).isEmpty();

        rightClickOn("#" + TriggerGraph.boxId("fn:process"));
        clickOn("#graphRunNowMenuItem");
        waitUntil(() -> lookup("#runNowDialog").tryQuery().isPresent());
        assertThat(onFx(() -> lookup("#runNowInput").queryAs(CodeEditor.class).getText())).contains("hello from Berth");
        clickOn("#runNowRunButton");
        var status = lookup("#runNowStatus").queryAs(Labeled.class);
        waitUntil(() -> status.getText().contains("200"));
        assertThat(status.getText()).contains("inv-manual-1");
        assertThat(onFx(() -> lookup("#runNowLogs").queryTextInputControl().getText())).contains("processed order 42");
        assertThat(onFx(() -> lookup("#runNowBody").queryTextInputControl().getText())).isEqualTo("receipt written");
        assertThat(adminCalls).singleElement().asString().contains("/admin/functions/process?wait=true")
                .contains("hello from Berth");
        screenshot(lookup("#runNowDialog").query().getScene(), "run-now-dialog.png");
        clickOn("#runNowCloseButton");
        waitUntil(() -> lookup("#runNowDialog").tryQuery().isEmpty());

        doubleClickOn("tick");
        doubleClickOn("function.json");
        waitUntil(() -> lookup("#cronPreview").tryQuery().map(Node::isVisible).orElse(false));
        waitUntil(() -> onFx(() -> lookup("#cronPreviewRows").queryAs(javafx.scene.layout.GridPane.class)
                .getChildren().size()) == 20);
        assertThat(onFx(() -> lookup("#cronPreviewTitle").queryAs(Labeled.class).getText()))
                .contains("0 */5 * * * *").contains("Europe/Berlin");
        screenshot(stage.getScene(), "cron-preview.png");
        var editor = lookup(".code-editor").queryAs(CodeEditor.class);
        interact(() -> editor.setText(editor.getText().replace("0 */5 * * * *", "*/5 * * * *")));
        var error = lookup("#cronPreviewError").queryAs(Labeled.class);
        waitUntil(() -> error.isVisible() && error.getText().contains("*/5 * * * *"));
        assertThat(onFx(() -> lookup("#cronPreviewRows").queryAs(javafx.scene.layout.GridPane.class).getChildren()))
                .as("no occurrences of a refused schedule").isEmpty();
        screenshot(stage.getScene(), "cron-preview-invalid.png");

        clickOn("#triggersTab");
        press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.L).release(KeyCode.L, KeyCode.SHIFT, KeyCode.CONTROL);
        waitUntil(() -> Files.exists(userDir.resolve("settings.json")));
        screenshot(stage.getScene(), "triggers-graph-dark.png");

        press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.R).release(KeyCode.R, KeyCode.SHIFT, KeyCode.CONTROL);
        waitUntil(() -> lookup("#runNowDialog").tryQuery().isPresent());
        assertThat(onFx(() -> lookup("#runNowInput").queryAs(CodeEditor.class).getText())).contains("\"path\":\"orders\"");
        clickOn("#runNowCloseButton");
        waitUntil(() -> lookup("#runNowDialog").tryQuery().isEmpty());

        Node processFolder = from(lookup("#projectTree").queryAll())
                .lookup((Node n) -> n instanceof javafx.scene.control.TreeCell<?> c && "process".equals(c.getText())).query();
        rightClickOn(processFolder);
        clickOn("#treeRunNowMenuItem");
        waitUntil(() -> lookup("#runNowDialog").tryQuery().isPresent());
        assertThat(onFx(() -> lookup("#runNowFunction").queryComboBox().getValue().toString())).contains("process");
        clickOn("#runNowCloseButton");
    }

    private void emitInvocations(FakeRunner runner) {
        int n = 0;
        n = emit(runner, n, "orders", "httpTrigger", 6, 0);
        n = emit(runner, n, "process", "queueTrigger", 3, 1);
        n = emit(runner, n, "tick", "timerTrigger", 2, 0);
        n = emit(runner, n, "notify", "eventGridTrigger", 3, 0);
        emit(runner, n, "thumbnail", "blobTrigger", 1, 0);
    }

    /// `count` invocations of `function`, the first `failures` of them failing.
    private static int emit(FakeRunner runner, int n, String function, String trigger, int count, int failures) {
        for (int i = 0; i < count; i++, n++) {
            var at = FakeRunner.T0.plusSeconds(2 + n);
            var id = "inv-%04d".formatted(n);
            runner.emit(new InvocationStarted(at, id, function, "shop-r1-a1", trigger, ""));
            runner.emit(new LogLine(at, "shop-r1-a1", "stdout", function + " handling " + id));
            boolean fail = i < failures;
            runner.emit(new InvocationFinished(at.plusMillis(8), id, function, "shop-r1-a1", fail ? 500 : 200,
                    Duration.ofMillis(8), fail ? "handler raised KeyError" : "", "", ""));
        }
        return n;
    }

    private static List<String> shownFunctions(InvocationTable table) {
        @SuppressWarnings("unchecked")
        var view = (TableView<InvocationRow>) table.lookup(".table-view");
        return view.getItems().stream().map(InvocationRow::function).distinct().toList().size() == 1
                ? view.getItems().stream().map(InvocationRow::function).distinct().toList()
                : view.getItems().stream().map(InvocationRow::function).toList();
    }

    private URI startIngress() throws IOException {
        ingress = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        ingress.createContext("/admin/functions/", exchange -> {
            var body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            adminCalls.add(exchange.getRequestURI() + " " + body);
            var answer = ("{\"invocationId\":\"inv-manual-1\",\"replica\":\"shop-r1-a1\",\"status\":200,\"error\":\"\","
                    + "\"logs\":[\"processed order 42\"],\"body\":\"receipt written\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        ingress.start();
        return URI.create("http://127.0.0.1:" + ingress.getAddress().getPort());
    }

    private Path project() throws IOException {
        var dir = Files.createDirectories(work.resolve("shop"));
        Files.writeString(dir.resolve("host.json"), "{\n  \"version\": \"2.0\"\n}\n");
        Files.writeString(dir.resolve("local.settings.json"),
                "{\"Values\": {\"WEBSITE_TIME_ZONE\": \"W. Europe Standard Time\"}}\n");
        Files.createDirectories(dir.resolve("tick"));
        Files.writeString(dir.resolve("tick/function.json"), """
                {
                  "bindings": [
                    {
                      "type": "timerTrigger",
                      "direction": "in",
                      "name": "timer",
                      "schedule": "0 */5 * * * *"
                    }
                  ]
                }
                """);
        Files.createDirectories(dir.resolve("process"));
        Files.writeString(dir.resolve("process/function.json"),
                "{\"bindings\": [{\"type\": \"queueTrigger\", \"direction\": \"in\", \"name\": \"order\", \"queueName\": \"orders\"}]}\n");
        Files.createDirectories(dir.resolve(".berth"));
        return dir;
    }

    private void launch(FakeRunner runner, Path dir) throws Exception {
        var composition = new Composition(new FakeEngine(), runner, new FakeTemplates(), Clock.systemUTC(), userDir);
        stage = app.launch(composition, 50, window -> window.openProject(dir));
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        UiTestSupport.waitUntil(TIMEOUT_S, condition);
    }
}
