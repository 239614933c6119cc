package dev.berth.runner.queue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Pattern;

/// Azure Storage's limits on queue names, message sizes, timeouts and batch sizes, checked before
/// anything is written so a refused call changes nothing. Stateless; thread-safe.
public final class QueueLimits {
    /// Largest message Azure accepts: 64 KiB of text (we count the UTF-8 bytes as stored).
    public static final int MAX_MESSAGE_BYTES = 64 * 1024;
    /// Most messages one peek or get returns.
    public static final int MAX_BATCH = 32;
    /// Longest visibility timeout Azure accepts.
    public static final Duration MAX_VISIBILITY = Duration.ofDays(7);
    /// Time-to-live of a message put without one.
    public static final Duration DEFAULT_TTL = Duration.ofDays(7);
    /// Time-to-live that means "never expires" (Azure's `messagettl=-1`).
    public static final Duration NEVER_EXPIRES = Duration.ofSeconds(-1);
    /// Suffix of the queue a failing message is moved to.
    public static final String POISON_SUFFIX = "-poison";

    private static final Pattern NAME = Pattern.compile("[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9]))*");

    private QueueLimits() {}

    /// Refuses a name Azure would refuse: 3–63 characters, lowercase letters, digits and single hyphens,
    /// starting and ending with a letter or digit.
    public static void checkName(String name) {
        if (name == null || name.isEmpty()) throw invalid("queue name is empty; give a name such as 'orders'");
        if (name.length() < 3 || name.length() > 63) {
            throw invalid("queue name '" + name + "' has " + name.length()
                    + " characters; Azure needs 3 to 63, so lengthen or shorten it");
        }
        if (!NAME.matcher(name).matches()) {
            throw invalid("queue name '" + name + "' is not allowed: use only lowercase letters, digits and single"
                    + " hyphens, starting and ending with a letter or digit (e.g. '"
                    + suggestion(name) + "')");
        }
    }

    private static String suggestion(String name) {
        var s = name.toLowerCase().replaceAll("[^a-z0-9-]", "-").replaceAll("-{2,}", "-").replaceAll("^-+|-+$", "");
        return s.length() >= 3 ? s : "my-queue";
    }

    /// The poison queue of `queue`; refused when the result would be longer than Azure allows.
    public static String poisonName(String queue) {
        checkName(queue);
        var poison = queue + POISON_SUFFIX;
        if (poison.length() > 63) {
            throw invalid("queue name '" + queue + "' is too long to have a poison queue ('" + poison
                    + "' exceeds 63 characters); shorten it to at most " + (63 - POISON_SUFFIX.length()) + " characters");
        }
        return poison;
    }

    /// Refuses text that is null or larger than 64 KiB in UTF-8.
    public static void checkText(String text) {
        if (text == null) throw invalid("message text is missing; pass a text (it may be empty)");
        // Cheap bound first: a char is at most 3 UTF-8 bytes (a surrogate pair is 4 for 2 chars).
        if (text.length() * 3L <= MAX_MESSAGE_BYTES) return;
        int bytes = text.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_MESSAGE_BYTES) {
            throw invalid("message text is " + bytes + " bytes in UTF-8; Azure queues accept at most "
                    + MAX_MESSAGE_BYTES + " (64 KiB): store the payload in a blob and enqueue its name instead");
        }
    }

    /// Refuses a batch size outside 1..32.
    public static void checkCount(String field, int n) {
        if (n < 1 || n > MAX_BATCH) {
            throw invalid(field + " is " + n + "; it must be between 1 and " + MAX_BATCH + " (Azure's limit per call)");
        }
    }

    /// Refuses a visibility timeout outside 0 s … 7 days.
    public static void checkVisibility(String field, Duration timeout) {
        if (timeout == null || timeout.isNegative() || timeout.compareTo(MAX_VISIBILITY) > 0) {
            throw invalid(field + " is " + timeout + "; it must be between 0 seconds and 7 days (PT168H)");
        }
    }

    /// Refuses a time-to-live that is neither positive nor -1 s (never expires).
    public static void checkTtl(Duration ttl) {
        if (ttl == null || !(ttl.isPositive() || ttl.equals(NEVER_EXPIRES))) {
            throw invalid("timeToLive is " + ttl + "; it must be positive, or -1 second for a message that never expires");
        }
    }

    /// Refuses a visibility delay that would keep the message hidden until (or after) it expires.
    public static void checkDelayBeforeExpiry(Duration delay, Duration ttl) {
        if (!ttl.equals(NEVER_EXPIRES) && delay.compareTo(ttl) >= 0) {
            throw invalid("visibilityTimeout " + delay + " is not less than timeToLive " + ttl
                    + "; the message would expire before anyone could see it: shorten the delay or lengthen the TTL");
        }
    }

    /// Refuses a missing pop receipt (a peeked message has none: get it to be allowed to change it).
    public static void checkReceipt(String id, String popReceipt) {
        if (popReceipt == null || popReceipt.isBlank()) {
            throw invalid("popReceipt of message " + id + " is missing; use the receipt answered by get (a peek"
                    + " gives none) or by the last update");
        }
    }

    static QueueException invalid(String message) {
        return new QueueException(QueueException.Code.INVALID_INPUT, message);
    }
}
