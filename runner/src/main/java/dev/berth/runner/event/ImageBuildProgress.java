package dev.berth.runner.event;

import java.time.Instant;

/// One line of image build output (a Dockerfile step, a Maven line, a base-image step).
/// `done` is true on the last event of a build, whose `line` then says how it ended.
public record ImageBuildProgress(Instant at, String image, String line, boolean done) implements RunnerEvent {}
