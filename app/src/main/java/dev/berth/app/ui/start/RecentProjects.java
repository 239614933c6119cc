package dev.berth.app.ui.start;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/// The recently opened project folders, newest first, kept in `<userDir>/recent.json` as
/// `{"projects": ["/abs/path", …]}`. Not thread-safe: used by the start page on the FX thread.
public final class RecentProjects {
    private static final Logger LOG = LoggerFactory.getLogger(RecentProjects.class);
    static final int LIMIT = 12;

    private final Path file;
    private final ObjectMapper json = new ObjectMapper();

    public RecentProjects(Path userDir) { this.file = userDir.resolve("recent.json"); }

    /// The stored list; an unreadable file counts as empty (logged), so a broken file never blocks startup.
    public List<Path> load() {
        if (!Files.isRegularFile(file)) return List.of();
        try {
            var projects = json.readTree(file.toFile()).path("projects");
            var paths = new ArrayList<Path>();
            projects.forEach(node -> paths.add(Path.of(node.asText())));
            return List.copyOf(paths);
        } catch (IOException | RuntimeException e) {
            LOG.warn("{} cannot be read ({}); starting with no recent projects. Fix: delete the file.", file,
                    e.getMessage());
            return List.of();
        }
    }

    /// Puts `project` first (once) and saves; returns the new list.
    public List<Path> touch(Path project) {
        var list = new ArrayList<>(load());
        var normalized = project.toAbsolutePath().normalize();
        list.remove(normalized);
        list.addFirst(normalized);
        while (list.size() > LIMIT) list.removeLast();
        save(list);
        return List.copyOf(list);
    }

    public List<Path> remove(Path project) {
        var list = new ArrayList<>(load());
        list.remove(project);
        save(list);
        return List.copyOf(list);
    }

    private void save(List<Path> projects) {
        var root = json.createObjectNode();
        ArrayNode array = root.putArray("projects");
        projects.forEach(p -> array.add(p.toString()));
        try {
            Files.createDirectories(file.getParent());
            json.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), root);
        } catch (IOException e) {
            LOG.warn("Cannot write {} ({}); the recent list is not kept. Fix: make the folder writable.", file,
                    e.getMessage());
        }
    }
}
