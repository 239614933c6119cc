package dev.berth.app.ui.revision;

import dev.berth.app.ui.fx.Ticker;

import java.time.Duration;
import java.util.function.Consumer;

/// Reads the revisions again when asked and, while the tab shows, every [#PERIOD] (observed shares move with
/// every request). One read runs at a time: a request while one runs is served once right after it, so a
/// burst of events costs two reads. FX thread only.
final class SnapshotReader {
    static final Duration PERIOD = Duration.ofSeconds(2);

    private final RevisionAccess access;
    private final Ticker ticker;
    private final Consumer<RevisionSnapshot> shown;
    private final Consumer<Exception> failed;
    private Ticker.Ticks ticks;
    private boolean reading;
    private boolean again;

    SnapshotReader(RevisionAccess access, Ticker ticker, Consumer<RevisionSnapshot> shown, Consumer<Exception> failed) {
        this.access = access;
        this.ticker = ticker;
        this.shown = shown;
        this.failed = failed;
    }

    /// Shown: read now and every period; hidden: stop ticking (events still ask for reads).
    void setShowing(boolean showing) {
        if (showing && ticks == null) {
            ticks = ticker.every(PERIOD, this::request);
            request();
        } else if (!showing && ticks != null) {
            ticks.close();
            ticks = null;
        }
    }

    boolean isShowing() { return ticks != null; }

    void request() {
        if (reading) {
            again = true;
            return;
        }
        reading = true; // before the call: a same-thread executor answers inside it
        boolean started = access.call(RevisionSnapshot::read, snapshot -> {
            finished();
            shown.accept(snapshot);
        }, failure -> {
            finished();
            failed.accept(failure);
        });
        if (!started) reading = false;
    }

    /// The session went away: a read in flight will never answer (its result is dropped).
    void reset() {
        reading = false;
        again = false;
    }

    private void finished() {
        reading = false;
        if (again) {
            again = false;
            request();
        }
    }
}
