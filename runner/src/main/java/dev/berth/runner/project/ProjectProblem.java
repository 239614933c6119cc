package dev.berth.runner.project;

import java.nio.file.Path;

/// Something wrong in a project file, said so a user can fix it: which file, where (line or field),
/// what is wrong and what to do. `line` is 0 when unknown; `field` is a JSON-pointer-like path or "".
public record ProjectProblem(Path file, int line, String field, String message, String fix, Severity severity) {
    public enum Severity { ERROR, WARNING }

    /// e.g. `hello/function.json:7 bindings[0].authLevel: "superuser" is not a valid authLevel. Fix: use …`
    public String describe() {
        // '/' on every system, so messages (and tests) read the same on Windows.
        var where = new StringBuilder(file.toString().replace('\\', '/'));
        if (line > 0) where.append(':').append(line);
        if (!field.isEmpty()) where.append(' ').append(field);
        return where + ": " + message + (fix.isEmpty() ? "" : " Fix: " + fix);
    }
}
