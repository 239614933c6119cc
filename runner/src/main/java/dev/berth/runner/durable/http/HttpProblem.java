package dev.berth.runner.durable.http;

import dev.berth.runner.durable.DurableException;

/// A request the management API answers with an error status; the message says what was wrong and the fix.
/// `allow` is the Allow header of a 405 (else empty).
final class HttpProblem extends Exception {
    private final int status;
    private final String allow;

    HttpProblem(int status, String message) {
        this(status, message, "");
    }

    HttpProblem(int status, String message, String allow) {
        super(message);
        this.status = status;
        this.allow = allow;
    }

    /// The status Azure's API answers for a refusal of the durable backend.
    static HttpProblem of(DurableException e) {
        int status = switch (e.reason()) {
            case NOT_FOUND -> 404;
            case ALREADY_EXISTS -> 409;
            case WRONG_STATE -> 410;
            case INVALID -> 400;
        };
        return new HttpProblem(status, e.getMessage());
    }

    int status() { return status; }

    String allow() { return allow; }
}
