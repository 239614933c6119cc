package dev.berth.templates;

import java.io.IOException;

/// An app name Azure Container Apps would refuse; carries a valid name to offer instead.
/// An `IOException` like the scaffolder's other user errors, so a caller that shows
/// `scaffold`'s failures shows this one too. Immutable, thread-safe.
public final class InvalidAppNameException extends IOException {
    private static final long serialVersionUID = 1L;

    private final String name;
    private final String suggestion;

    InvalidAppNameException(String name, String message, String suggestion) {
        super(message);
        this.name = name;
        this.suggestion = suggestion;
    }

    /// The name as given.
    public String name() { return name; }

    /// A valid name close to the one given.
    public String suggestion() { return suggestion; }
}
