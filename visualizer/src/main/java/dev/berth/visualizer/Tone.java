package dev.berth.visualizer;

import java.util.Locale;

/// The colour family of a status: HTTP status codes and replica states map onto the theme's success,
/// warning and danger colours (see visualizer.css `.tone-*`). Immutable; any thread.
public enum Tone {
    SUCCESS, WARNING, DANGER, MUTED, NEUTRAL;

    /// The CSS style class that colours a node in this tone.
    public String styleClass() {
        return "tone-" + name().toLowerCase(Locale.ROOT);
    }

    /// 2xx success, 4xx warning, 5xx danger; a missing status (0 or below: no HTTP answer) is a
    /// danger too, since the call failed before the handler could answer.
    public static Tone ofHttpStatus(int status) {
        if (status <= 0 || status >= 500) {
            return DANGER;
        }
        if (status >= 400) {
            return WARNING;
        }
        if (status >= 200 && status < 300) {
            return SUCCESS;
        }
        return NEUTRAL;
    }

    /// READY green, STARTING/RESTARTING amber, CRASHED/FAILED red, STOPPED (and unknown) muted.
    public static Tone ofReplicaState(String state) {
        if (state == null) {
            return MUTED;
        }
        return switch (state.toUpperCase(Locale.ROOT)) {
            case "READY" -> SUCCESS;
            case "STARTING", "RESTARTING", "STOPPING" -> WARNING;
            case "CRASHED", "FAILED" -> DANGER;
            default -> MUTED;
        };
    }
}
