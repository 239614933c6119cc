package dev.berth.runner.container;

/// An image build failed. The message holds the failing step and the last lines of the build log.
public final class ImageBuildException extends Exception {
    public ImageBuildException(String message) { super(message); }
    public ImageBuildException(String message, Throwable cause) { super(message, cause); }
}
