package dev.berth.runner.container;

import java.time.Instant;

/// One tagged image as the engine lists it. Immutable.
public record ImageInfo(String tag, Instant created) {}
