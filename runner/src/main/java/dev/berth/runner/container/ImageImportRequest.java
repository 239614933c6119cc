package dev.berth.runner.container;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/// A `docker import` of a root filesystem tarball as `tag`. `instructions` are Dockerfile lines that
/// set the image config (`ENV …`, `CMD […]`, `WORKDIR …`), because an imported tarball has none.
public record ImageImportRequest(Path rootfsTar, String tag, Map<String, String> labels, List<String> instructions) {
    public ImageImportRequest {
        labels = Map.copyOf(labels);
        instructions = List.copyOf(instructions);
    }
}
