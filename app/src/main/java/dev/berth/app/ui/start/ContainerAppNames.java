package dev.berth.app.ui.start;

import java.util.Optional;

/// The Azure Container Apps naming rule, checked as the user types, so a project made here deploys with
/// the same name: 2–32 characters, lowercase letters, digits and hyphens, starting with a letter, ending
/// with a letter or digit, no "--". Stateless.
public final class ContainerAppNames {
    public static final int MIN = 2;
    public static final int MAX = 32;

    private ContainerAppNames() {}

    /// What is wrong with `name` and how to fix it, or empty when it is valid.
    public static Optional<String> problem(String name) {
        if (name == null || name.isEmpty()) return Optional.of("Enter a name, e.g. my-app.");
        if (name.length() < MIN || name.length() > MAX) {
            return Optional.of("Use " + MIN + " to " + MAX + " characters (now " + name.length() + ").");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-')) {
                return Optional.of(Character.isUpperCase(c)
                        ? "Use lowercase letters only: '" + c + "' → '" + Character.toLowerCase(c) + "'."
                        : "'" + c + "' is not allowed: use lowercase letters, digits and hyphens.");
            }
        }
        if (!Character.isLetter(name.charAt(0))) return Optional.of("Start the name with a letter.");
        if (name.endsWith("-")) return Optional.of("End the name with a letter or digit, not a hyphen.");
        if (name.contains("--")) return Optional.of("Use single hyphens: \"--\" is not allowed.");
        return Optional.empty();
    }
}
