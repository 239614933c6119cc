package dev.berth.templates;

import java.util.Locale;
import java.util.regex.Pattern;

/// Rules for an app name, which becomes the Azure Container Apps resource name and the image name:
/// 2–32 characters of lowercase letters, digits and '-', starting with a letter, not ending with '-'
/// and without '--'. Stateless, thread-safe.
public final class AppName {
    static final int MIN = 2;
    static final int MAX = 32;
    private static final Pattern VALID = Pattern.compile("[a-z][a-z0-9-]*");

    private AppName() {}

    /// Whether `name` is accepted by Azure Container Apps as it stands.
    public static boolean isValid(String name) {
        return name != null && name.length() >= MIN && name.length() <= MAX && VALID.matcher(name).matches()
                && !name.endsWith("-") && !name.contains("--");
    }

    /// Throws with what is wrong and a sanitized name to use instead.
    public static void requireValid(String name) throws InvalidAppNameException {
        if (isValid(name)) return;
        var suggestion = sanitize(name);
        throw new InvalidAppNameException(name, "App name '" + name + "' " + problem(name)
                + ". Azure Container Apps names use 2–32 lowercase letters, digits and '-', start with a letter"
                + " and do not end with '-' or contain '--'. Try '" + suggestion + "'.", suggestion);
    }

    /// The nearest valid name: lowercased, other characters turned into '-', trimmed to the rules.
    public static String sanitize(String name) {
        var s = name == null ? "" : name.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        s = s.replaceAll("^[^a-z]+", "");
        if (s.length() > MAX) s = s.substring(0, MAX);
        s = s.replaceAll("-+$", "");
        if (s.isEmpty()) return "my-app";
        return s.length() < MIN ? s + "-app" : s;
    }

    private static String problem(String name) {
        if (name == null || name.isEmpty()) return "is empty";
        if (name.length() < MIN) return "is shorter than " + MIN + " characters";
        if (name.length() > MAX) return "is longer than " + MAX + " characters (" + name.length() + ")";
        if (!Character.isLetter(name.charAt(0)) || !Character.isLowerCase(name.charAt(0))) {
            return "must start with a lowercase letter";
        }
        if (!VALID.matcher(name).matches()) return "contains characters other than a-z, 0-9 and '-'";
        if (name.endsWith("-")) return "ends with '-'";
        return "contains '--'";
    }
}
