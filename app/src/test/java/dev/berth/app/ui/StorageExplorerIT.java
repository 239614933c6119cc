package dev.berth.app.ui;

import dev.berth.app.Composition;
import dev.berth.app.ui.fakes.FakeEngine;
import dev.berth.app.ui.fakes.FakeRunner;
import dev.berth.app.ui.fakes.FakeTemplates;
import dev.berth.app.ui.storage.BlobExplorerView;
import dev.berth.editor.CodeEditor;
import dev.berth.editor.Diagnostic;
import dev.berth.runner.trigger.ProjectStorage;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.geometry.Orientation;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.matcher.control.LabeledMatchers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;

import static dev.berth.app.ui.UiTestSupport.onFx;
import static dev.berth.app.ui.UiTestSupport.screenshot;
import static dev.berth.app.ui.UiTestSupport.texts;
import static org.assertj.core.api.Assertions.assertThat;

/// The Storage tab and the function.json checks in the real desktop UI, with storage seeded through the
/// runner's storage API in the project's `.berth/` (no run: the explorers open it themselves).
@Tag("ui")
class StorageExplorerIT extends AppUiTest {
    private static final long TIMEOUT_S = 15;

    @TempDir Path desktop;

    @Test
    void storageTab_showsSeededQueuesAndBlobs_enqueuesRedrivesAndUploads() throws Exception {
        var dir = project();
        seed(dir);
        launch(dir);
        clickOn("#storageTab");
        giveThePanelsRoom();
        waitUntil(() -> tableTexts("#queueList").contains("orders-poison"));

        clickOn(cell("#queueList", "orders"));
        waitUntil(() -> table("#queueMessages").getItems().size() == 2);
        clickOn(cell("#queueMessages", "{\"orderId\": 17, \"items\": [\"tea\", \"scones\"]}"));
        var detail = lookup("#messageDetail").queryAs(TextArea.class);
        waitUntil(() -> detail.getText().contains("\"orderId\" : 17"));
        screenshot(stage.getScene(), "storage-queues.png");

        clickOn("#enqueueButton");
        waitUntil(() -> lookup("#enqueueEditor").tryQuery().isPresent());
        var editor = lookup("#enqueueEditor").queryAs(CodeEditor.class);
        interact(() -> editor.setText("{\"orderId\": 18, \"items\": [\"coffee\"]}"));
        var confirm = lookup("#enqueueConfirmButton").queryAs(Button.class);
        waitUntil(() -> !confirm.isDisabled());
        screenshot(confirm.getScene(), "storage-enqueue-dialog.png");
        clickOn(confirm);
        waitUntil(() -> table("#queueMessages").getItems().size() == 3);
        assertThat(statusText("#queueStatus")).startsWith("Put message ").endsWith(" on orders.");

        var redrive = lookup("#redriveButton").queryAs(Button.class);
        waitUntil(() -> "Re-drive poison (1)".equals(redrive.getText()) && !redrive.isDisabled());
        clickOn(redrive);
        waitUntil(() -> "Re-drove 1 message from orders-poison to orders.".equals(statusText("#queueStatus")));
        waitUntil(() -> table("#queueMessages").getItems().size() == 4);
        waitUntil(redrive::isDisabled);

        clickOn("#blobsTab");
        waitUntil(() -> tableTexts("#containerList").contains("images"));
        clickOn(cell("#containerList", "images"));
        waitUntil(() -> tableTexts("#blobList").contains("cats/tom.png"));
        var dropped = Files.writeString(desktop.resolve("receipt.txt"), "paid", StandardCharsets.UTF_8);
        var blobs = lookup("#blobExplorer").queryAs(BlobExplorerView.class);
        interact(() -> blobs.dropFiles(List.of(dropped.toFile())));
        waitUntil(() -> tableTexts("#blobList").contains("receipt.txt"));
        assertThat(tableTexts("#blobList")).contains("text/plain", "4 B");
        clickOn(cell("#blobList", "receipt.txt"));
        screenshot(stage.getScene(), "storage-blobs.png");

        clickOn("#deleteBlobButton");
        waitUntil(() -> lookup("#confirmButton").tryQuery().isPresent());
        clickOn("#confirmButton");
        waitUntil(() -> !tableTexts("#blobList").contains("receipt.txt"));
        assertThat(statusText("#blobStatus")).isEqualTo("Deleted images/receipt.txt.");
    }

    @Test
    void functionJson_badCronAndUnknownBindingType_showGutterMarkersWithTheRunnersMessages() throws Exception {
        var dir = project();
        launch(dir);
        doubleClickOn("tick");
        waitUntil(() -> lookup("function.json").tryQuery().isPresent());
        doubleClickOn("function.json");
        waitUntil(() -> lookup(".code-editor").tryQuery().isPresent());
        var editor = lookup(".code-editor").queryAs(CodeEditor.class);
        waitUntil(() -> editor.diagnostics().size() == 2);

        var diagnostics = onFx(() -> List.copyOf(editor.diagnostics()));
        assertThat(diagnostics).extracting(Diagnostic::line).containsExactly(7, 10);
        assertThat(diagnostics.get(0).message()).startsWith("bindings[0].schedule: ").contains("has 5 fields")
                .contains("Fix: write six fields");
        assertThat(diagnostics.get(1).message()).contains("unknown binding type \"queu\"").contains("queue");
        var marker = lookup(".diagnostic-marker").queryAs(Label.class);
        assertThat(onFx(() -> marker.getTooltip().getText())).contains("bindings[0].schedule");
        screenshot(stage.getScene(), "editor-function-json-problems.png");

        // Typing the seconds field in front of the schedule fixes it: its marker goes, the other stays.
        interact(() -> {
            editor.gotoLine(7);
            editor.requestFocusInEditor();
        });
        type(KeyCode.END);
        type(KeyCode.LEFT, "*/5 * * * *\"".length());
        write("0 ");
        waitUntil(() -> editor.getText().contains("\"0 */5 * * * *\"") && editor.diagnostics().size() == 1);
        assertThat(onFx(() -> editor.diagnostics().getFirst().line())).isEqualTo(10);
    }

    private void launch(Path dir) throws Exception {
        AppHarness.seedRecent(userDir, dir);
        var composition = new Composition(new FakeEngine(), FakeRunner.withReadyReplicaAndInvocation(),
                new FakeTemplates(), Clock.systemUTC(), userDir);
        stage = app.launch(composition, 50);
        clickOn(dir.getFileName().toString());
        waitUntil(() -> lookup("#projectTree").tryQuery().isPresent());
    }

    private Path project() throws IOException {
        var dir = Files.createDirectories(work.resolve("shop"));
        Files.writeString(dir.resolve("host.json"), "{\n  \"version\": \"2.0\"\n}\n");
        Files.createDirectories(dir.resolve("tick"));
        Files.writeString(dir.resolve("tick/function.json"), """
                {
                  "bindings": [
                    {
                      "type": "timerTrigger",
                      "direction": "in",
                      "name": "timer",
                      "schedule": "*/5 * * * *"
                    },
                    {
                      "type": "queu",
                      "direction": "out",
                      "name": "out"
                    }
                  ]
                }
                """);
        return dir;
    }

    private static void seed(Path dir) throws Exception {
        try (var storage = ProjectStorage.open(dir.resolve(".berth"), Clock.systemUTC())) {
            storage.queues().createIfNotExists("orders");
            storage.queues().put("orders", "{\"orderId\": 17, \"items\": [\"tea\", \"scones\"]}");
            storage.queues().put("orders", "plain text order");
            storage.queues().createIfNotExists("orders-poison");
            storage.queues().put("orders-poison", "{\"orderId\": -1}");
            storage.queues().createIfNotExists("emails");
            storage.blobs().createContainer("images");
            storage.blobs().createContainer("reports");
            storage.blobs().put("images", "cats/tom.png", new byte[2048], "image/png");
            storage.blobs().put("images", "dogs/rex.png", new byte[30_000], "image/png");
        }
    }

    /// Drags the divider between editor and panels up, as a user looking at storage would.
    private void giveThePanelsRoom() {
        var panels = lookup("#runPanels").query();
        lookup(".split-pane").queryAllAs(SplitPane.class).stream()
                .filter(split -> split.getOrientation() == Orientation.VERTICAL && split.getItems().contains(panels))
                .findFirst().ifPresent(split -> interact(() -> split.setDividerPositions(0.3)));
    }

    private TableView<?> table(String id) { return lookup(id).queryAs(TableView.class); }

    private List<String> tableTexts(String id) throws Exception { return onFx(() -> texts(lookup(id).query())); }

    private String statusText(String id) { return lookup(id).queryAs(Labeled.class).getText(); }

    private Node cell(String table, String text) {
        Node root = lookup(table).query();
        return from(root).lookup(".table-cell").match(LabeledMatchers.hasText(text)).query();
    }

    /// On a timeout, saves what the window showed (failed-*.png) before failing.
    private void waitUntil(Callable<Boolean> condition) throws Exception {
        try {
            UiTestSupport.waitUntil(TIMEOUT_S, condition);
        } catch (java.util.concurrent.TimeoutException e) {
            screenshot(stage.getScene(), "failed-" + System.nanoTime() + ".png");
            throw e;
        }
    }
}
