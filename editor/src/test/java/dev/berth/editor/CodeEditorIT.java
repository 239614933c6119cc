package dev.berth.editor;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class CodeEditorIT {
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final String BROKEN_JSON = """
            {
              "version": "2.0",
              "logging": { "logLevel": { "default": "Information" } },
            }
            """;

    private final BorderPane root = new BorderPane();
    private Stage stage;
    private CodeEditor editor;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        stage.setScene(new Scene(root, 720, 320));
        stage.show();
    }

    @AfterEach
    void closeEditor() throws Exception {
        if (editor != null) fx(() -> { editor.close(); return null; });
    }

    @Test
    void typing_setsDirty_andUndoingBackToTheSavedTextClearsIt(FxRobot robot) throws Exception {
        show(Language.JAVA, "class A {}\n");
        robot.clickOn(fx(editor::area));
        fx(() -> { editor.area().moveTo(0); return null; });
        robot.write("final ");
        assertThat(fx(editor::getText)).isEqualTo("final class A {}\n");
        assertThat(fx(() -> editor.dirtyProperty().get())).isTrue();

        // Typing slower than the undo manager's merge window (500 ms, easy on a loaded machine) makes
        // several undo steps; undo until the text is back, with a bound.
        for (int i = 0; i < "final ".length() && !fx(editor::getText).equals("class A {}\n"); i++) {
            assertThat(fx(() -> editor.dirtyProperty().get())).isTrue();
            robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        }
        assertThat(fx(editor::getText)).isEqualTo("class A {}\n");
        assertThat(fx(() -> editor.dirtyProperty().get())).isFalse();
    }

    @Test
    void markSaved_makesTheCurrentTextClean_andSetTextForgetsUndoHistory(FxRobot robot) throws Exception {
        show(Language.PLAIN, "one");
        robot.clickOn(fx(editor::area));
        robot.write("two");
        fx(() -> { editor.markSaved(); return null; });
        assertThat(fx(() -> editor.dirtyProperty().get())).isFalse();

        fx(() -> { editor.setText("fresh"); return null; });
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        assertThat(fx(editor::getText)).isEqualTo("fresh");
    }

    @Test
    void brokenJson_showsDiagnosticGutterMarkerAndUnderline() throws Exception {
        show(Language.JSON, BROKEN_JSON);
        waitUntil(() -> !editor.diagnostics().isEmpty());

        Diagnostic problem = fx(() -> editor.diagnostics().getFirst());
        assertThat(problem.line()).isEqualTo(4);
        assertThat(problem.message()).contains("trailing comma");
        Label marker = fx(() -> (Label) editor.lookup(".diagnostic-marker"));
        assertThat(marker).isNotNull();
        assertThat(fx(marker::isVisible)).isTrue();
        assertThat(fx(() -> marker.getTooltip().getText())).contains("Line 4", "trailing comma");
        int brace = BROKEN_JSON.lastIndexOf('}');
        assertThat(fx(() -> editor.area().getStyleOfChar(brace))).contains("error-underline");
        screenshot("editor-json-error.png");
    }

    @Test
    void fixingTheError_removesDiagnosticAndMarker(FxRobot robot) throws Exception {
        show(Language.JSON, "{\n  \"a\": 1,\n}\n");
        waitUntil(() -> !editor.diagnostics().isEmpty());
        fx(() -> { editor.area().deleteText(10, 11); return null; });
        waitUntil(() -> editor.diagnostics().isEmpty() && editor.lookup(".diagnostic-marker") == null);
        assertThat(fx(() -> editor.dirtyProperty().get())).isTrue();
    }

    @Test
    void javaKeyword_getsTheKeywordStyleClass() throws Exception {
        String text = """
                @Override
                public String greet(String name) {
                    // say hello
                    return "Hello, " + name + "!"; // 42
                }
                """;
        show(Language.JAVA, text);
        waitUntil(() -> editor.area().getStyleOfChar(text.indexOf("public") + 1).contains("keyword"));
        assertThat(fx(() -> editor.area().getStyleOfChar(text.indexOf("\"Hello") + 1))).contains("string");
        Set<Node> keywordNodes = fx(() -> editor.lookupAll(".keyword"));
        assertThat(keywordNodes).isNotEmpty();
        screenshot("editor-java.png");
    }

    @Test
    void dockerfile_instructionsGetTheDirectiveStyleClass() throws Exception {
        String text = """
                # syntax note
                ARG BASE_IMAGE=python:3.12-slim
                FROM ${BASE_IMAGE} AS runtime
                WORKDIR /app
                COPY --chown=10001 . /app
                RUN apt-get update \\
                    && echo "done"
                EXPOSE 8080
                USER 10001
                CMD ["python3", "-u", "handler.py"]
                """;
        show(Language.DOCKERFILE, text);
        waitUntil(() -> editor.area().getStyleOfChar(text.indexOf("FROM") + 1).contains("directive"));
        assertThat(fx(() -> editor.area().getStyleOfChar(text.indexOf("${") + 1))).contains("variable");
        screenshot("editor-dockerfile.png");
    }

    @Test
    void enterAndTab_keepAndAddIndentation(FxRobot robot) throws Exception {
        show(Language.YAML, "properties:");
        robot.clickOn(fx(editor::area));
        fx(() -> { editor.area().moveTo(editor.area().getLength()); return null; });
        robot.type(KeyCode.ENTER);
        robot.write("template:");
        robot.type(KeyCode.ENTER);
        robot.type(KeyCode.TAB);
        assertThat(fx(editor::getText)).isEqualTo("properties:\n  template:\n      ");
    }

    @Test
    void tabWithAMultiLineSelection_indentsEachLine_andShiftTabUndoesIt(FxRobot robot) throws Exception {
        show(Language.PYTHON, "a = 1\nb = 2\nc = 3\n");
        robot.clickOn(fx(editor::area));
        fx(() -> { editor.area().selectRange(0, 0, 1, 3); return null; });
        robot.type(KeyCode.TAB);
        assertThat(fx(editor::getText)).isEqualTo("    a = 1\n    b = 2\nc = 3\n");
        robot.press(KeyCode.SHIFT).type(KeyCode.TAB).release(KeyCode.SHIFT);
        assertThat(fx(editor::getText)).isEqualTo("a = 1\nb = 2\nc = 3\n");
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        assertThat(fx(editor::getText)).isEqualTo("    a = 1\n    b = 2\nc = 3\n");
    }

    @Test
    void darkTheme_yamlWithTabIndentation_isReadable() throws Exception {
        fx(() -> { Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet()); return null; });
        show(Language.YAML, """
                # containerapp.yaml
                properties:
                  configuration:
                    ingress:
                      targetPort: 8080
                \t  external: true
                  template:
                    containers:
                      - name: "app"
                        image: berth/app:1
                """);
        waitUntil(() -> !editor.diagnostics().isEmpty());
        assertThat(fx(() -> editor.diagnostics().getFirst().line())).isEqualTo(6);
        screenshot("editor-yaml-dark.png");
    }

    @Test
    void gotoLine_movesTheCaret() throws Exception {
        show(Language.PLAIN, "a\nb\nc\n");
        fx(() -> { editor.gotoLine(3); return null; });
        assertThat(fx(() -> editor.area().getCurrentParagraph())).isEqualTo(2);
        fx(() -> { editor.gotoLine(99); return null; });
        assertThat(fx(() -> editor.area().getCurrentParagraph())).isEqualTo(3);
    }

    private void show(Language language, String text) throws Exception {
        fx(() -> {
            editor = new CodeEditor(language, javafx.application.Platform::runLater);
            root.setCenter(editor);
            editor.setText(text);
            editor.requestFocusInEditor();
            return null;
        });
    }

    private void screenshot(String name) throws Exception {
        // Let the last layout and CSS pass land before taking the picture.
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage image = fx(() -> stage.getScene().snapshot(null));
        Files.createDirectories(SCREENSHOTS);
        try {
            ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", SCREENSHOTS.resolve(name).toFile());
        } catch (IOException e) {
            throw new AssertionError("could not write screenshot " + name, e);
        }
    }

    private static <T> T fx(Callable<T> action) throws Exception {
        return WaitForAsyncUtils.asyncFx(action).get(5, TimeUnit.SECONDS);
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> fx(condition));
        WaitForAsyncUtils.waitForFxEvents();
    }

}
