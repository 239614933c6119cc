package dev.berth.app.ui.fx;

import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;

import java.time.Duration;

/// `Ticker` on a JavaFX `Timeline`: ticks come from the toolkit's pulse, on the FX thread, with no thread
/// of their own. FX thread only.
public final class FxTicker implements Ticker {
    @Override
    public Ticks every(Duration period, Runnable tick) {
        var timeline = new Timeline(new KeyFrame(javafx.util.Duration.millis(period.toMillis()), e -> tick.run()));
        timeline.setCycleCount(Animation.INDEFINITE);
        timeline.play();
        return timeline::stop;
    }
}
