package berth.durable;

import com.microsoft.durabletask.DurableTaskClient;
import com.microsoft.durabletask.DurableTaskGrpcClientBuilder;
import com.microsoft.durabletask.DurableTaskGrpcWorker;
import com.microsoft.durabletask.DurableTaskGrpcWorkerBuilder;
import com.microsoft.durabletask.TaskActivity;
import com.microsoft.durabletask.TaskActivityFactory;
import com.microsoft.durabletask.TaskOrchestration;
import com.microsoft.durabletask.TaskOrchestrationFactory;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.stub.MetadataUtils;

import java.util.Map;
import java.util.concurrent.TimeUnit;

/// Connects the app to a Durable Task backend: Berth's when it runs the app, a Durable Task sidecar
/// elsewhere. Reads where it is from the environment Berth gives every replica:
/// - `DURABLE_TASK_HOST` (default `localhost`) and `DURABLE_TASK_PORT` (default 4001, the SDK's own);
/// - `DURABLE_TASK_HUB`: the task hub (host.json `extensions.durableTask.hubName`), sent with every call
///   as the gRPC header `taskhub`; unset, the backend uses its default hub.
///
/// One gRPC channel serves both halves of the SDK: the worker, which runs this app's orchestrations and
/// activities, and the client, which starters use to schedule instances and raise events.
///
/// Register orchestrations and activities before [#startWorker()]; after that the object is thread-safe.
public final class Durable implements AutoCloseable {
    /// The gRPC header that chooses the task hub of a call.
    public static final String TASK_HUB_HEADER = "taskhub";

    private final String target;
    private final ManagedChannel channel;
    private final DurableTaskGrpcWorkerBuilder worker;
    private DurableTaskClient client;
    private DurableTaskGrpcWorker running;

    private Durable(String host, int port, String hub) {
        target = host + ":" + port + (hub == null ? "" : ", task hub " + hub);
        var builder = ManagedChannelBuilder.forAddress(host, port).usePlaintext();
        if (hub != null) {
            var headers = new Metadata();
            headers.put(Metadata.Key.of(TASK_HUB_HEADER, Metadata.ASCII_STRING_MARSHALLER), hub);
            builder.intercept(MetadataUtils.newAttachHeadersInterceptor(headers));
        }
        channel = builder.build();
        worker = new DurableTaskGrpcWorkerBuilder().grpcChannel(channel);
    }

    /// A connection configured from the process environment (see the class comment).
    public static Durable fromEnvironment() { return fromEnvironment(System.getenv()); }

    /// A connection configured from `env`; tests pass their own map.
    public static Durable fromEnvironment(Map<String, String> env) {
        var host = env.getOrDefault("DURABLE_TASK_HOST", "").strip();
        var port = env.getOrDefault("DURABLE_TASK_PORT", "").strip();
        var hub = env.getOrDefault("DURABLE_TASK_HUB", "").strip();
        return new Durable(host.isEmpty() ? "localhost" : host, port.isEmpty() ? 4001 : port(port),
                hub.isEmpty() ? null : hub);
    }

    private static int port(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("DURABLE_TASK_PORT is '" + text + "', not a port number. Unset it to"
                    + " use 4001, or set it to the port of the Durable Task backend.", e);
        }
    }

    /// Registers `orchestration` under `name`, the folder name of its function.json (orchestrationTrigger):
    /// Berth lists and starts orchestrations by those names.
    public Durable orchestration(String name, TaskOrchestration orchestration) {
        worker.addOrchestration(new TaskOrchestrationFactory() {
            @Override public String getName() { return name; }
            @Override public TaskOrchestration create() { return orchestration; }
        });
        return this;
    }

    /// Registers `activity` under `name`, the folder name of its function.json (activityTrigger).
    public Durable activity(String name, TaskActivity activity) {
        worker.addActivity(new TaskActivityFactory() {
            @Override public String getName() { return name; }
            @Override public TaskActivity create() { return activity; }
        });
        return this;
    }

    /// The client, made on first use: schedules instances, raises events, reads status.
    public synchronized DurableTaskClient client() {
        if (client == null) client = new DurableTaskGrpcClientBuilder().grpcChannel(channel).build();
        return client;
    }

    /// Starts the worker on its own thread. It keeps reconnecting (every 5 s) while the backend is not
    /// there, so the app may start before Berth's backend does.
    public synchronized void startWorker() {
        if (running != null) throw new IllegalStateException("the Durable Task worker is already started");
        running = worker.build();
        running.start();
        System.out.println("berth.durable: worker connecting to " + target);
    }

    /// Shuts the channel down. The SDK's worker thread cannot be stopped from outside (1.5.0), so a
    /// started worker keeps the JVM alive until the process exits, which is what a replica wants.
    @Override
    public synchronized void close() throws InterruptedException {
        if (running != null) running.stop();
        if (client != null) client.close();
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
}
