package dev.berth.app.ui;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/// What the UI tests share: waiting on conditions, reading what a user sees, saving screenshots.
final class UiTestSupport {
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private UiTestSupport() {}

    static void waitUntil(long seconds, Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    static <T> T onFx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(30, TimeUnit.SECONDS);
    }

    /// Every text a user can read under `node` (labels, cells, text shapes).
    static List<String> texts(Node node) {
        var found = new ArrayList<String>();
        collect(node, found);
        return found;
    }

    private static void collect(Node node, List<String> found) {
        if (!node.isVisible()) return;
        if (node instanceof Labeled labeled && labeled.getText() != null) found.add(labeled.getText());
        if (node instanceof Text text && text.getText() != null) found.add(text.getText());
        if (node instanceof Parent parent) parent.getChildrenUnmodifiable().forEach(child -> collect(child, found));
    }

    static void screenshot(Scene scene, String name) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        var image = onFx(() -> scene.snapshot(null));
        Files.createDirectories(SCREENSHOTS);
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", SCREENSHOTS.resolve(name).toFile());
    }
}
