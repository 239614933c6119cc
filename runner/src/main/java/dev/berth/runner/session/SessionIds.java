package dev.berth.runner.session;

import java.security.SecureRandom;
import java.util.HexFormat;

/// Short random ids for run sessions; they label containers (`berth.session`) and events.
final class SessionIds {
    private static final SecureRandom RANDOM = new SecureRandom();

    private SessionIds() {}

    static String next() {
        var bytes = new byte[4];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
