package dev.berth.runner.durable;

/// Where an orchestration instance stands, with the names the Durable Functions HTTP API uses.
public enum RuntimeStatus {
    PENDING("Pending"), RUNNING("Running"), SUSPENDED("Suspended"), COMPLETED("Completed"), FAILED("Failed"),
    TERMINATED("Terminated"), CONTINUED_AS_NEW("ContinuedAsNew"), CANCELED("Canceled");

    private final String azureName;

    RuntimeStatus(String azureName) { this.azureName = azureName; }

    /// "Running", "Completed", … as in `runtimeStatus` of the HTTP API.
    public String azureName() { return azureName; }

    /// Finished for good: nothing more happens unless it is rewound, restarted or purged.
    public boolean terminal() {
        return this == COMPLETED || this == FAILED || this == TERMINATED || this == CANCELED;
    }

    /// Parses "Running", "running" or "RUNNING".
    public static RuntimeStatus parse(String text) {
        for (var status : values()) {
            if (status.azureName.equalsIgnoreCase(text) || status.name().equalsIgnoreCase(text)) return status;
        }
        throw new IllegalArgumentException("unknown runtime status '" + text + "'; use one of Pending, Running,"
                + " Suspended, Completed, Failed, Terminated, ContinuedAsNew");
    }
}
