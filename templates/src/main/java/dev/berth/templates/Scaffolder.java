package dev.berth.templates;

import java.io.IOException;
import java.nio.file.Path;

/// Writes a template's files into a new project folder. Refuses a folder that exists and is not empty.
public final class Scaffolder {
    /// Creates `targetDir` with the template's files; `appName` replaces the `__APP_NAME__` placeholder.
    public Path scaffold(Template template, Path targetDir, String appName) throws IOException {
        throw new IOException("scaffolder is being built: " + template + targetDir + appName);
    }
}
