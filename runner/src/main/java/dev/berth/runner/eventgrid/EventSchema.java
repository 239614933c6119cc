package dev.berth.runner.eventgrid;

/// The schemas a topic accepts. Functions always receive the Event Grid schema.
public enum EventSchema {
    /// A JSON array of `{id, topic?, subject, eventType, eventTime, data, dataVersion, metadataVersion?}`.
    EVENT_GRID,
    /// CloudEvents 1.0 in its JSON format: `application/cloudevents+json` (one event) or
    /// `application/cloudevents-batch+json` (an array).
    CLOUD_EVENTS
}
