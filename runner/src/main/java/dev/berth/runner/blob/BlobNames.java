package dev.berth.runner.blob;

import java.util.regex.Pattern;

/// Validation of container and blob names with Azure Storage rules, plus the stricter rules Berth
/// needs because blob names end up near the file system. Stateless; thread-safe.
public final class BlobNames {
    private static final Pattern CONTAINER = Pattern.compile("[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9]))*");
    static final int MAX_BLOB_NAME = 1024;

    private BlobNames() {}

    /// Returns `name` when it is a valid container name, else throws with a message naming the fix.
    public static String container(String name) {
        if (name == null || name.length() < 3 || name.length() > 63 || !CONTAINER.matcher(name).matches()) {
            throw new IllegalArgumentException("blob container name '" + printable(name)
                    + "' (field 'container') is invalid: use 3 to 63 lowercase letters, digits and single hyphens,"
                    + " starting and ending with a letter or digit, e.g. 'images' or 'order-archive'");
        }
        return name;
    }

    /// Returns `name` when it is a valid blob name that cannot escape the storage folder, else throws.
    public static String blob(String name) {
        if (name == null || name.isEmpty() || name.length() > MAX_BLOB_NAME) {
            throw invalid(name, "must be 1 to " + MAX_BLOB_NAME + " characters long");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '\\') throw invalid(name, "must not contain a backslash; use '/' to separate virtual folders");
            if (c == 0) throw invalid(name, "must not contain a NUL character; remove it");
            if (Character.isISOControl(c)) {
                throw invalid(name, "must not contain control characters (found U+%04X); remove it".formatted((int) c));
            }
        }
        if (name.startsWith("/")) {
            throw invalid(name, "must be relative to its container: remove the leading '/'");
        }
        for (var segment : name.split("/", -1)) {
            if (segment.equals("..") || segment.equals(".")) {
                throw invalid(name, "must not contain '" + segment + "' path segments, which could leave the blob"
                        + " folder; name the blob without them, e.g. 'reports/2026/summary.txt'");
            }
        }
        return name;
    }

    private static IllegalArgumentException invalid(String name, String rule) {
        return new IllegalArgumentException("blob name '" + printable(name) + "' (field 'blob name') " + rule);
    }

    /// Names in messages: control characters are shown escaped so a message never breaks a log line.
    static String printable(String name) {
        if (name == null) return "null";
        var out = new StringBuilder();
        String shown = name.length() > 80 ? name.substring(0, 80) + "…" : name;
        for (char c : shown.toCharArray()) {
            out.append(Character.isISOControl(c) ? "\\u%04x".formatted((int) c) : String.valueOf(c));
        }
        return out.toString();
    }
}
