package dev.berth.runner.container;

import java.nio.file.Path;
import java.util.Map;

/// A `docker build` of `contextDir` with its Dockerfile, tagged `tag`, with build args and labels.
public record ImageBuildRequest(Path contextDir, Path dockerfile, String tag, Map<String, String> buildArgs,
                                Map<String, String> labels) {
    public ImageBuildRequest {
        buildArgs = Map.copyOf(buildArgs);
        labels = Map.copyOf(labels);
    }
}
