package dev.berth.editor;

import java.util.Locale;

/// The languages the editor highlights, chosen from a file's name.
public enum Language {
    JAVA, PYTHON, JSON, YAML, DOCKERFILE, PLAIN;

    public static Language forFileName(String fileName) {
        var name = fileName.toLowerCase(Locale.ROOT);
        if (name.equals("dockerfile") || name.startsWith("dockerfile.") || name.endsWith(".dockerfile")) return DOCKERFILE;
        if (name.endsWith(".java")) return JAVA;
        if (name.endsWith(".py")) return PYTHON;
        if (name.endsWith(".json")) return JSON;
        if (name.endsWith(".yaml") || name.endsWith(".yml")) return YAML;
        return PLAIN;
    }
}
