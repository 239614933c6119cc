package dev.berth.runner.doctor;

import java.util.List;

/// Docker reachable, and speaking an API Berth uses (device requests, host-gateway: 1.41, Docker 20.10).
final class EngineCheck implements Check {
    static final String MIN_API = "1.41";

    @Override
    public List<Finding> run(EngineState engine) {
        return switch (engine) {
            case EngineState.Unreachable(var why) -> List.of(
                    // The engine's message already names the cause and its fix.
                    Finding.fail("Docker", why, "do what the message says, then run the checks again"),
                    Check.skipped("Docker API"));
            case EngineState.Reachable(var info, _) -> List.of(
                    Finding.ok("Docker", "Docker " + info.version() + " on " + info.operatingSystem()),
                    api(info.apiVersion()));
        };
    }

    private static Finding api(String version) {
        if (compare(version, MIN_API) >= 0) return Finding.ok("Docker API", version + " (Berth needs " + MIN_API + " or newer)");
        return Finding.fail("Docker API", version + ", older than the " + MIN_API + " Berth needs",
                "upgrade Docker to 20.10 or newer (https://docs.docker.com/engine/install/)");
    }

    /// Compares dotted versions numerically ("1.9" < "1.41"); a part that is not a number counts as 0.
    static int compare(String a, String b) {
        var left = a.split("\\.");
        var right = b.split("\\.");
        for (int i = 0; i < Math.max(left.length, right.length); i++) {
            int diff = Integer.compare(part(left, i), part(right, i));
            if (diff != 0) return diff;
        }
        return 0;
    }

    private static int part(String[] parts, int i) {
        if (i >= parts.length) return 0;
        try {
            return Integer.parseInt(parts[i].strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
