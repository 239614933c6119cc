package dev.berth.templates;

/// A project template: `id` as typed on the command line (`http-python`), a title and one-paragraph
/// description for the gallery, the function language and the trigger kind it shows.
public record Template(String id, String title, String description, String language, String trigger) {}
