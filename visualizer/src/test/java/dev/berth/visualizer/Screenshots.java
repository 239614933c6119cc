package dev.berth.visualizer;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.image.WritableImage;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/// Saves snapshots of nodes under target/screenshots so a reviewer can look at them. FX thread only.
final class Screenshots {
    static final Path DIR = Path.of("target", "screenshots");

    private Screenshots() {
    }

    static Path save(Node node, String name) {
        WritableImage image = node.snapshot(null, null);
        Path file = DIR.resolve(name + ".png");
        try {
            Files.createDirectories(DIR);
            ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("could not write screenshot " + file, e);
        }
        return file;
    }
}
