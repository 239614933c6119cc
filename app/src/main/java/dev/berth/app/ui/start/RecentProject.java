package dev.berth.app.ui.start;

import java.nio.file.Path;

/// An entry of the start page's recent list. `exists` is false when the folder is gone (shown muted).
public record RecentProject(Path path, boolean exists) {
    public String name() {
        var name = path.getFileName();
        return name == null ? path.toString() : name.toString();
    }
}
