package dev.berth.templates;

/// An app name Azure Container Apps would refuse; carries a valid name to offer instead.
/// Immutable, thread-safe.
public final class InvalidAppNameException extends IllegalArgumentException {
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
