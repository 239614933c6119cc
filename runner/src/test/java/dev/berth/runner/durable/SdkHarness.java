package dev.berth.runner.durable;

import com.microsoft.durabletask.DurableTaskClient;
import com.microsoft.durabletask.DurableTaskGrpcClientBuilder;
import com.microsoft.durabletask.DurableTaskGrpcWorker;
import com.microsoft.durabletask.DurableTaskGrpcWorkerBuilder;
import dev.berth.runner.event.EventListener;
import dev.berth.runner.event.RunnerEvent;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/// A backend on a free port with the real Java SDK's client and worker connected to it, for tests.
final class SdkHarness implements AutoCloseable {
    final DurableBackend backend;
    final ManagedChannel channel;
    final DurableTaskClient client;
    final List<RunnerEvent> events = new CopyOnWriteArrayList<>();
    private Thread worker;

    SdkHarness(Path database, Clock clock, List<String> declared) throws Exception {
        EventListener listener = events::add;
        backend = DurableBackend.start(new DurableBackend.Settings(database, 0, List.of(), true, "test-hub",
                declared, clock, listener));
        channel = ManagedChannelBuilder.forAddress("127.0.0.1", backend.port().orElseThrow()).usePlaintext().build();
        client = new DurableTaskGrpcClientBuilder().grpcChannel(channel).build();
    }

    SdkHarness(Path database) throws Exception {
        this(database, Clock.systemUTC(), List.of());
    }

    /// Starts a worker with what `register` adds to it, on the shared channel.
    void worker(Consumer<DurableTaskGrpcWorkerBuilder> register) {
        var builder = new DurableTaskGrpcWorkerBuilder().grpcChannel(channel);
        register.accept(builder);
        worker = run(builder.build());
    }

    /// A channel of its own to the backend, sending `taskhub: hub` when `hub` is not null. The caller
    /// shuts it down (which is how a test makes a worker vanish).
    ManagedChannel channel(String hub) {
        var builder = ManagedChannelBuilder.forAddress("127.0.0.1", backend.port().orElseThrow()).usePlaintext();
        if (hub != null) builder.intercept(hubHeader(hub));
        return builder.build();
    }

    static io.grpc.ClientInterceptor hubHeader(String hub) {
        var headers = new io.grpc.Metadata();
        headers.put(io.grpc.Metadata.Key.of("taskhub", io.grpc.Metadata.ASCII_STRING_MARSHALLER), hub);
        return io.grpc.stub.MetadataUtils.newAttachHeadersInterceptor(headers);
    }

    /// Starts a worker on `channel`; interrupt the thread (after closing the channel) to stop it.
    static Thread worker(ManagedChannel channel, Consumer<DurableTaskGrpcWorkerBuilder> register) {
        var builder = new DurableTaskGrpcWorkerBuilder().grpcChannel(channel);
        register.accept(builder);
        return run(builder.build());
    }

    /// The SDK's own `start()` runs a non-daemon thread that retries its connection every 5 s forever;
    /// this one is a daemon, and an interrupt ends its retry loop.
    static Thread run(DurableTaskGrpcWorker worker) {
        var thread = new Thread(worker::startAndBlock, "sdk-worker");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    DurableControl control() { return backend.control(); }

    @Override
    public void close() throws Exception {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        if (worker != null) worker.interrupt();
        backend.close();
    }
}
