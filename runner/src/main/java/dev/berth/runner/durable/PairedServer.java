package dev.berth.runner.durable;

import io.grpc.Server;

import java.io.IOException;
import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/// Two gRPC servers with the same services on different addresses, run and stopped as one.
final class PairedServer extends Server {
    private final Server first;
    private final Server second;

    PairedServer(Server first, Server second) {
        this.first = first;
        this.second = second;
    }

    @Override public Server start() throws IOException { return this; }

    @Override public int getPort() { return first.getPort(); }

    @Override
    public List<? extends SocketAddress> getListenSockets() {
        var all = new ArrayList<SocketAddress>(first.getListenSockets());
        all.addAll(second.getListenSockets());
        return all;
    }

    @Override
    public Server shutdown() {
        first.shutdown();
        second.shutdown();
        return this;
    }

    @Override
    public Server shutdownNow() {
        first.shutdownNow();
        second.shutdownNow();
        return this;
    }

    @Override public boolean isShutdown() { return first.isShutdown() && second.isShutdown(); }

    @Override public boolean isTerminated() { return first.isTerminated() && second.isTerminated(); }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        return first.awaitTermination(timeout, unit)
                && second.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    }

    @Override
    public void awaitTermination() throws InterruptedException {
        first.awaitTermination();
        second.awaitTermination();
    }
}
