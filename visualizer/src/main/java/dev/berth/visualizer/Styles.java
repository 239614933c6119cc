package dev.berth.visualizer;

import java.net.URL;
import java.util.Objects;

/// Where the visualizer's stylesheet lives. Controls add it to their own stylesheets, so an app
/// needs only an AtlantaFX theme (PrimerLight, PrimerDark …) whose looked-up colours it uses.
final class Styles {
    static final String STYLESHEET = locate();

    private Styles() {
    }

    private static String locate() {
        URL url = Objects.requireNonNull(Styles.class.getResource("visualizer.css"),
                "dev/berth/visualizer/visualizer.css is missing from the visualizer jar");
        return url.toExternalForm();
    }
}
