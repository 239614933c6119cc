package dev.berth.app.ui.durable;

/// What the user asked for in the "Start orchestration" dialog: the orchestration's name, an instance id
/// ("" for a new one) and the input as JSON text ("" for none). Immutable.
public record StartOrchestrationRequest(String name, String instanceId, String input) {}
