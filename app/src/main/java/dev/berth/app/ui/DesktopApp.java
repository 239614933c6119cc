package dev.berth.app.ui;

import dev.berth.app.Composition;

/// Entry of the desktop UI: starts the JavaFX toolkit and shows the start page. Returns when the last
/// window closes. Called from `Main` on the main thread.
public final class DesktopApp {
    private DesktopApp() {}

    public static void run(Composition composition) {
        throw new IllegalStateException("desktop UI is being built" + composition);
    }
}
