package dev.berth.app.ui.storage;

/// A message the user wrote in the enqueue dialog, and the queue to put it on. Immutable.
public record EnqueueRequest(String queue, String text) {}
