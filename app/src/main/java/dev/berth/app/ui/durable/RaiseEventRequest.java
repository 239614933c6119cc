package dev.berth.app.ui.durable;

/// What the user asked for in the "Raise event" dialog: the event's name and its payload as JSON text ("" for
/// none). Immutable.
public record RaiseEventRequest(String name, String payload) {}
