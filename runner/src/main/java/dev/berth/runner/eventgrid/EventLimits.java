package dev.berth.runner.eventgrid;

/// How large a published event and a published batch may be, in bytes of JSON. Immutable.
public record EventLimits(int maxEventBytes, int maxBatchBytes) {
    /// Azure Event Grid's limits for custom topics: 1 MB per event and 1 MB per request, whether the events
    /// are in the Event Grid schema or CloudEvents 1.0.
    public static final EventLimits AZURE = new EventLimits(1024 * 1024, 1024 * 1024);

    public EventLimits {
        if (maxEventBytes < 1 || maxBatchBytes < 1) throw new IllegalArgumentException("limits must be positive");
    }

    /// "1 MB" for a whole number of mebibytes, else "N bytes", for messages.
    static String describe(int bytes) {
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MB"
                : bytes % 1024 == 0 ? bytes / 1024 + " KB" : bytes + " bytes";
    }
}
