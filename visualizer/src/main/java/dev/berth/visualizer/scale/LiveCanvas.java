package dev.berth.visualizer.scale;

import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.scene.canvas.Canvas;
import javafx.scene.layout.Pane;
import javafx.util.Duration;

/// The plot area of a time chart: a canvas that fills this pane, redrawn when the pane is laid out and once a
/// second while it is in a scene, so a time axis that ends at "now" moves on. FX thread only.
final class LiveCanvas extends Pane {
    private final Canvas canvas = new Canvas();
    private final Runnable redraw;

    LiveCanvas(Runnable redraw) {
        this.redraw = redraw;
        getChildren().add(canvas);
        setMinSize(0, 0);
        var ticker = new Timeline(new KeyFrame(Duration.seconds(1), ignored -> redraw.run()));
        ticker.setCycleCount(Animation.INDEFINITE);
        sceneProperty().addListener((obs, old, scene) -> {
            if (scene == null) ticker.stop();
            else ticker.play();
        });
    }

    Canvas canvas() { return canvas; }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        redraw.run();
    }
}
