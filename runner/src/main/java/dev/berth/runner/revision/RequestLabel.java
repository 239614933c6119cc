package dev.berth.runner.revision;

import java.util.Locale;
import java.util.Optional;

/// How a request names a traffic label: the header `x-berth-revision-label: <label>`, or a Host of
/// `<label>.<app>.localhost[:port]` (browsers resolve `*.localhost` to loopback). The ingress binds the
/// label of the request it is serving to [#CURRENT] for the duration of that request, so the
/// [RevisionRouter] sees it without the gateway passing it through every call. Stateless.
public final class RequestLabel {
    public static final String HEADER = "x-berth-revision-label";
    /// The label of the request served on this thread; unbound (or "") when it names none.
    public static final ScopedValue<String> CURRENT = ScopedValue.newInstance();

    private RequestLabel() {}

    /// The label named by the header (first) or by the Host, if any.
    public static Optional<String> of(String header, String host, String app) {
        if (header != null && !header.isBlank()) return Optional.of(header.strip().toLowerCase(Locale.ROOT));
        if (host == null) return Optional.empty();
        var name = host.toLowerCase(Locale.ROOT);
        int colon = name.lastIndexOf(':');
        if (colon > 0 && name.indexOf(']') < colon) name = name.substring(0, colon);
        var suffix = "." + app + ".localhost";
        if (!name.endsWith(suffix) || name.length() == suffix.length()) return Optional.empty();
        return Optional.of(name.substring(0, name.length() - suffix.length()));
    }

    /// The label bound for the current request, if any.
    static Optional<String> current() {
        return CURRENT.isBound() && !CURRENT.get().isEmpty() ? Optional.of(CURRENT.get()) : Optional.empty();
    }
}
