package dev.berth.visualizer.revision;

import java.util.Objects;

/// Where the revision views' stylesheet lives. Its colours are AtlantaFX looked-up colours, so light and
/// dark themes both work. Stateless; any thread.
final class RevisionStyles {
    static final String STYLESHEET = Objects.requireNonNull(RevisionStyles.class.getResource("revision.css"),
            "dev/berth/visualizer/revision/revision.css is missing from the visualizer jar").toExternalForm();

    private RevisionStyles() {
    }
}
