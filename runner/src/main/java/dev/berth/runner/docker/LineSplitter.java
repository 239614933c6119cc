package dev.berth.runner.docker;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/// Turns a byte stream that arrives in arbitrary chunks (Docker log frames, build output) into whole
/// lines: a line split across two frames comes out once, and a UTF-8 character split across frames is
/// decoded intact because bytes are buffered, not chars. Not thread-safe: one splitter per stream.
final class LineSplitter {
    // CSI sequences (colours, cursor moves), OSC sequences (titles), and the two-byte escapes.
    private static final Pattern ANSI = Pattern.compile(
            "\u001B\\[[0-?]*[ -/]*[@-~]" + "|\u001B\\][^\u0007\u001B]*(\u0007|\u001B\\\\)" + "|\u001B[@-Z\\\\-_]");

    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

    /// Adds a chunk and returns the lines it completed, cleaned of ANSI escapes and carriage returns.
    List<String> add(byte[] chunk) {
        var lines = new ArrayList<String>();
        int start = 0;
        for (int i = 0; i < chunk.length; i++) {
            if (chunk[i] == '\n') {
                pending.write(chunk, start, i - start);
                lines.add(clean(drain()));
                start = i + 1;
            }
        }
        pending.write(chunk, start, chunk.length - start);
        return lines;
    }

    /// The unterminated rest, if any, as a last line (a process that ends without a newline).
    List<String> finish() {
        if (pending.size() == 0) return List.of();
        return List.of(clean(drain()));
    }

    private String drain() {
        var text = pending.toString(StandardCharsets.UTF_8);
        pending.reset();
        return text;
    }

    /// Removes ANSI escape sequences, a trailing carriage return, and trailing newlines.
    static String clean(String text) {
        var stripped = ANSI.matcher(text).replaceAll("");
        int end = stripped.length();
        while (end > 0 && (stripped.charAt(end - 1) == '\r' || stripped.charAt(end - 1) == '\n')) end--;
        // A progress bar redraws with bare CRs; what the user saw last is what follows the last one.
        var line = stripped.substring(0, end);
        int cr = line.lastIndexOf('\r');
        return cr >= 0 ? line.substring(cr + 1) : line;
    }

    /// Splits a whole text (a build output chunk that is already complete) into cleaned lines.
    static List<String> lines(String text) {
        var splitter = new LineSplitter();
        var out = new ArrayList<>(splitter.add(text.getBytes(StandardCharsets.UTF_8)));
        out.addAll(splitter.finish());
        return out;
    }
}
