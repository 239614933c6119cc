package dev.berth.app.ui.run;

/// A function key of the running project: its name ("default", "master") and value.
public record FunctionKey(String name, String value) {}
