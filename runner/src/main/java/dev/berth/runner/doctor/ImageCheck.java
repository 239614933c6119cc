package dev.berth.runner.doctor;

import dev.berth.runner.container.ContainerEngine;

import java.util.List;

/// Berth's local base images. Missing ones are no failure: the first run that needs one builds it from
/// this machine's packages (debootstrap, jlink), which takes about a minute once.
final class ImageCheck implements Check {
    private final ContainerEngine engine;
    private final List<String> images;

    ImageCheck(ContainerEngine engine, List<String> images) {
        this.engine = engine;
        this.images = List.copyOf(images);
    }

    @Override
    public List<Finding> run(EngineState state) {
        return images.stream().map(image -> {
            var name = "Image " + image;
            if (state instanceof EngineState.Unreachable) return Check.skipped(name);
            if (engine.imageExists(image)) return Finding.ok(name, "present");
            return Finding.warn(name, "not built yet",
                    "nothing to do: it is built at first run, ~1 min");
        }).toList();
    }
}
