package dev.berth.runner.blob;

/// An `If-Match` condition that did not hold (Azure: 412 ConditionNotMet). Carries both ETags so a
/// caller can explain the conflict.
public final class BlobConditionFailedException extends RuntimeException {
    private final String expectedETag;
    private final String actualETag;

    public BlobConditionFailedException(String path, String expectedETag, String actualETag) {
        super("blob '" + path + "' was changed by someone else: If-Match " + expectedETag + " but the current ETag is "
                + (actualETag == null ? "none (the blob does not exist)" : actualETag)
                + "; read the blob again and retry with its current ETag");
        this.expectedETag = expectedETag;
        this.actualETag = actualETag;
    }

    public String expectedETag() {
        return expectedETag;
    }

    /// The current ETag, or null when the blob does not exist.
    public String actualETag() {
        return actualETag;
    }
}
