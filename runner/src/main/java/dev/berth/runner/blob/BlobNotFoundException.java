package dev.berth.runner.blob;

/// A container or blob that does not exist (Azure: 404 ContainerNotFound / BlobNotFound).
public final class BlobNotFoundException extends RuntimeException {
    public BlobNotFoundException(String message) {
        super(message);
    }
}
