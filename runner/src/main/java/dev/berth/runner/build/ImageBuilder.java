package dev.berth.runner.build;

import dev.berth.runner.container.ContainerEngine;
import dev.berth.runner.container.ImageBuildException;
import dev.berth.runner.container.ImageBuildRequest;
import dev.berth.runner.container.ImageInfo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/// Builds a project's image offline-first: packages Java projects on the host with Maven, picks the
/// base image (the Dockerfile's `ARG BASE_IMAGE` default when present or pullable, else a local
/// substitute), then runs `docker build` with BASE_IMAGE set. Thread-safe; blocks for the whole build.
public final class ImageBuilder {
    /// The label naming the project folder an image was built from.
    public static final String PROJECT_LABEL = "berth.project";
    /// How many revision images of a project stay (the newest, the current one among them).
    static final int KEPT_REVISIONS = 3;

    private final ContainerEngine engine;
    private final BaseImages bases;

    public ImageBuilder(ContainerEngine engine) { this(engine, BaseImages.defaultLockFile()); }

    ImageBuilder(ContainerEngine engine, Path lockFile) {
        this.engine = engine;
        this.bases = new BaseImages(engine, lockFile);
    }

    /// Builds `projectDir` (its Dockerfile) as `tag`; each output line goes to `progress`.
    public void build(Path projectDir, String tag, Consumer<String> progress) throws ImageBuildException {
        var dockerfile = projectDir.resolve("Dockerfile");
        if (!Files.isRegularFile(dockerfile)) {
            throw new ImageBuildException("No Dockerfile in " + projectDir + ": every Berth project needs one "
                    + "(create " + dockerfile + ", e.g. from a Berth template).");
        }
        if (HostBuild.needed(projectDir)) HostBuild.maven(projectDir, progress);
        var buildArgs = new HashMap<String, String>();
        var wantedBase = DockerfileArgs.defaultOf(readLines(dockerfile), DockerfileArgs.BASE_IMAGE);
        if (wantedBase.isPresent()) {
            buildArgs.put(DockerfileArgs.BASE_IMAGE, bases.resolve(wantedBase.get(), dockerfile, progress));
        }
        ContextCheck.warnings(projectDir).forEach(progress);
        progress.accept("docker build -t " + tag + " " + projectDir);
        var labels = Map.of(PROJECT_LABEL, projectDir.toAbsolutePath().normalize().toString());
        engine.build(new ImageBuildRequest(projectDir, dockerfile, tag, buildArgs, labels), progress);
        prune(labels, tag, progress);
    }

    /// Every change makes a new revision image; without this a project's old ones would fill the disk.
    /// Keeps the newest [#KEPT_REVISIONS] (and `current`); an image a container still uses stays too.
    private void prune(Map<String, String> labels, String current, Consumer<String> progress) {
        var older = engine.images(labels).stream()
                .filter(image -> !image.tag().equals(current))
                .sorted(java.util.Comparator.comparing(ImageInfo::created).reversed())
                .skip(KEPT_REVISIONS - 1)
                .toList();
        older.forEach(image -> engine.removeImage(image.tag()));
        if (!older.isEmpty()) progress.accept("removed " + older.size() + " older image(s) of this project");
    }

    /// Makes the substitute base image of a kind ("python" or "java") if it is missing; returns its tag.
    /// Lets a setup step or a test prepare bases ahead of the first build.
    public String ensureBase(String kind, Consumer<String> progress) throws ImageBuildException {
        var base = switch (kind) {
            case "python" -> BaseKind.PYTHON;
            case "java" -> BaseKind.JAVA;
            default -> throw new ImageBuildException("Unknown base image kind '" + kind + "': use python or java.");
        };
        return bases.ensure(base, progress);
    }

    private static java.util.List<String> readLines(Path dockerfile) throws ImageBuildException {
        try {
            return Files.readAllLines(dockerfile);
        } catch (IOException e) {
            throw new ImageBuildException("Cannot read " + dockerfile + ": " + e.getMessage(), e);
        }
    }
}
