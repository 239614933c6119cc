package dev.berth.editor;

/// Indentation rules for typing: tab stops, the indent a new line gets, how far Shift+Tab goes back.
/// Pure; any thread.
final class Indentation {
    private Indentation() {}

    /// Spaces per level: JSON and YAML files are conventionally indented by 2, code by 4.
    static int width(Language language) {
        return language == Language.JSON || language == Language.YAML ? 2 : 4;
    }

    /// Spaces that move the caret from `column` (0-based) to the next tab stop.
    static String tab(int column, int width) {
        return " ".repeat(width - Math.floorMod(column, width));
    }

    /// What Enter inserts: a line break plus the current line's indentation, one level more when the
    /// text before the caret opens a block (`{`, `[`, `(`; a trailing `:` in Python and YAML).
    static String newLine(String lineBeforeCaret, Language language) {
        int end = 0;
        while (end < lineBeforeCaret.length() && (lineBeforeCaret.charAt(end) == ' ' || lineBeforeCaret.charAt(end) == '\t')) end++;
        String indent = lineBeforeCaret.substring(0, end);
        return "\n" + indent + (opensBlock(lineBeforeCaret.strip(), language) ? " ".repeat(width(language)) : "");
    }

    private static boolean opensBlock(String code, Language language) {
        if (code.isEmpty() || language == Language.PLAIN || language == Language.DOCKERFILE) return false;
        char last = code.charAt(code.length() - 1);
        if (last == '{' || last == '[' || last == '(') return true;
        boolean comment = code.startsWith("#");
        return last == ':' && !comment && (language == Language.PYTHON || language == Language.YAML);
    }

    /// Leading spaces Shift+Tab removes from `line`: back to the previous tab stop, at most the indent.
    static int dedent(String line, int width) {
        int spaces = 0;
        while (spaces < line.length() && line.charAt(spaces) == ' ') spaces++;
        if (spaces == 0) return 0;
        int toStop = spaces % width;
        return toStop == 0 ? width : toStop;
    }
}
