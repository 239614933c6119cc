package dev.berth.runner.blob;

/// A blob version's bytes with its properties, as read in one consistent step. Immutable by
/// convention: callers must not modify `content`.
public record BlobContent(BlobProperties properties, byte[] content) {}
