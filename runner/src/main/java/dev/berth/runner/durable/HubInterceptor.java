package dev.berth.runner.durable;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;

/// Picks the task hub of each call from the `taskhub` metadata header (as the Durable Task Scheduler
/// does); calls without it use the project's hub. Also keeps the caller's address. Stateless.
final class HubInterceptor implements ServerInterceptor {
    static final Metadata.Key<String> HEADER = Metadata.Key.of("taskhub", Metadata.ASCII_STRING_MARSHALLER);
    static final Context.Key<String> HUB = Context.key("berth-task-hub");
    static final Context.Key<String> PEER = Context.key("berth-peer");

    private final String defaultHub;

    HubInterceptor(String defaultHub) {
        this.defaultHub = defaultHub;
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
        var hub = headers.get(HEADER);
        var remote = call.getAttributes().get(Grpc.TRANSPORT_ATTR_REMOTE_ADDR);
        var context = Context.current().withValues(HUB, hub == null || hub.isBlank() ? defaultHub : hub.strip(),
                PEER, remote == null ? "unknown" : remote.toString().replaceFirst("^/", ""));
        return Contexts.interceptCall(context, call, headers, next);
    }

    static String hub() { return HUB.get(); }

    /// The caller's address, for notices about workers.
    static String peer() { return PEER.get(); }
}
