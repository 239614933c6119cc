package dev.berth.runner.revision;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/// Watches a project folder (recursively, new folders included) and calls `onChange` once a burst of
/// changes has been quiet for `debounce`, with the first changed path. Ignores Berth's state (.berth),
/// version control, build output (target, node_modules, __pycache__) and IDE settings. The editor's
/// save writes the file, so it is seen here too. One virtual thread; `onChange` runs on it, so a change
/// during a long `onChange` is reported after it returns. Close to stop.
public final class ProjectWatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ProjectWatcher.class);
    /// Folders whose changes make no new revision: the folders the revision hash skips, and IDE settings.
    static final Set<String> IGNORED = Set.of(".berth", ".git", "target", "node_modules", "__pycache__", ".idea",
            ".vscode");

    private final Path root;
    private final WatchService watch;
    private final Duration debounce;
    private final Consumer<Path> onChange;
    private final Thread thread;

    private ProjectWatcher(Path root, WatchService watch, Duration debounce, Consumer<Path> onChange) {
        this.root = root;
        this.watch = watch;
        this.debounce = debounce;
        this.onChange = onChange;
        this.thread = Thread.ofVirtual().name("project-watcher").unstarted(this::loop);
    }

    public static ProjectWatcher start(Path root, Duration debounce, Consumer<Path> onChange) throws IOException {
        var watcher = new ProjectWatcher(root, FileSystems.getDefault().newWatchService(), debounce, onChange);
        watcher.register(root);
        watcher.thread.start();
        return watcher;
    }

    /// Whether a change at `relative` (below the project folder) is one that can change the revision.
    static boolean relevant(Path relative) {
        for (var part : relative) {
            var name = part.toString();
            if (IGNORED.contains(name)) return false;
        }
        var file = relative.getFileName() == null ? "" : relative.getFileName().toString();
        // Editors' swap and backup files are written around every save.
        return !(file.endsWith("~") || file.endsWith(".swp") || file.endsWith(".tmp") || file.startsWith(".#"));
    }

    private void register(Path dir) throws IOException {
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) throws IOException {
                if (!d.equals(root) && !relevant(root.relativize(d))) return FileVisitResult.SKIP_SUBTREE;
                d.register(watch, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                        StandardWatchEventKinds.ENTRY_DELETE);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private void loop() {
        try {
            while (true) {
                var first = next(watch.take());
                if (first == null) continue;
                // Quiet period: keep taking events until none came for `debounce`.
                for (var key = watch.poll(debounce.toMillis(), TimeUnit.MILLISECONDS); key != null;
                     key = watch.poll(debounce.toMillis(), TimeUnit.MILLISECONDS)) {
                    next(key);
                }
                try {
                    onChange.accept(first);
                } catch (RuntimeException e) {
                    LOG.warn("handling the change of {} failed", first, e);
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closed
        }
    }

    /// Drains `key`'s events, registers new folders, and returns the first relevant changed path (or null).
    private Path next(java.nio.file.WatchKey key) {
        Path first = null;
        var dir = (Path) key.watchable();
        for (var event : key.pollEvents()) {
            if (!(event.context() instanceof Path name)) continue; // OVERFLOW: counted as a change of the folder
            var path = dir.resolve(name);
            var relative = root.relativize(path);
            if (!relevant(relative)) continue;
            if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && Files.isDirectory(path)) {
                try {
                    register(path);
                } catch (IOException e) {
                    LOG.debug("cannot watch {}: {}", path, e.toString());
                }
            }
            if (first == null) first = relative;
        }
        key.reset();
        return first;
    }

    @Override
    public void close() {
        try {
            watch.close();
        } catch (IOException e) {
            LOG.debug("closing the watch service: {}", e.toString());
        }
        thread.interrupt();
    }
}
