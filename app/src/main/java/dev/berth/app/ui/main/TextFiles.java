package dev.berth.app.ui.main;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/// Reads and writes the files the editor opens: UTF-8 text of at most [#MAX_BYTES]. Blocking; called
/// on the app's task executor, never on the FX thread. Stateless.
final class TextFiles {
    /// Bigger files are logs or data, not code: they would make the editor (and its highlighter) crawl.
    static final long MAX_BYTES = 4L * 1024 * 1024;

    /// A file over the size limit; the message says so and what to do instead.
    static final class TooLargeException extends IOException {
        TooLargeException(Path file, long size) {
            super(file + " is " + megabytes(size) + "; Berth's editor opens text files up to "
                    + megabytes(MAX_BYTES) + ". Open it in another program.");
        }
    }

    private TextFiles() {}

    static String read(Path file) throws IOException {
        long size = Files.size(file);
        if (size > MAX_BYTES) throw new TooLargeException(file, size);
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    static void write(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }
}
