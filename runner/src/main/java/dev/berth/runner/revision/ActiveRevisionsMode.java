package dev.berth.runner.revision;

/// `properties.configuration.activeRevisionsMode`: SINGLE (the newest healthy revision takes all traffic,
/// the one before drains and stops) or MULTIPLE (revisions stay active and share traffic by weight).
public enum ActiveRevisionsMode {
    SINGLE("Single"), MULTIPLE("Multiple");

    private final String azureName;

    ActiveRevisionsMode(String azureName) { this.azureName = azureName; }

    /// As written in containerapp.yaml.
    public String azureName() { return azureName; }
}
