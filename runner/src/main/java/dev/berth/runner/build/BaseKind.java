package dev.berth.runner.build;

import java.util.Locale;
import java.util.Optional;

/// Which local substitute can stand in for a public base image when it is absent and cannot be pulled.
enum BaseKind {
    PYTHON("berth/base-python:bookworm"),
    JAVA("berth/base-java:25");

    final String tag;

    BaseKind(String tag) { this.tag = tag; }

    /// PYTHON for python images, JAVA for JRE/JDK images (temurin, openjdk…), empty for anything else.
    static Optional<BaseKind> of(String image) {
        var name = image.toLowerCase(Locale.ROOT);
        if (name.contains("python")) return Optional.of(PYTHON);
        for (var hint : new String[] {"jre", "jdk", "java", "temurin", "openjdk", "corretto", "zulu"}) {
            if (name.contains(hint)) return Optional.of(JAVA);
        }
        return Optional.empty();
    }
}
