package dev.berth.runner.session;

import dev.berth.runner.container.ContainerEngine;
import dev.berth.runner.durable.DurableBackend;
import dev.berth.runner.event.EventListener;
import dev.berth.runner.event.RunnerNotice;
import dev.berth.runner.project.FunctionApp;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/// Starts the durable backend of a session. Projects with durable functions get the gRPC endpoint (on
/// 127.0.0.1 and the Docker bridge gateway); the others get only the store, so their Orchestrations view
/// works without taking a port. Stateless.
final class SessionDurable {
    private static final Set<String> DURABLE_BINDINGS = Set.of("orchestrationTrigger", "activityTrigger",
            "entityTrigger", "durableClient");

    private SessionDurable() {}

    static DurableBackend start(FunctionApp app, RunOptions options, ContainerEngine engine, EventListener events,
                                Clock clock) throws RunException {
        boolean serve = usesDurable(app);
        var gateway = serve ? engine.bridgeGateway() : Optional.<String>empty();
        var settings = new DurableBackend.Settings(app.stateDir().resolve("berth.db"), options.durablePort(),
                gateway.map(List::of).orElse(List.of()), serve, app.host().durableHub(), declared(app), clock, events);
        try {
            var backend = DurableBackend.start(settings);
            backend.port().ifPresent(port -> events.onEvent(new RunnerNotice(clock.instant(), RunnerNotice.Level.INFO,
                    "durable backend on 127.0.0.1:" + port + gateway.map(g -> " and " + g + ":" + port).orElse("")
                            + " (task hub " + app.host().durableHub() + ")")));
            return backend;
        } catch (IOException e) {
            throw new RunException(e.getMessage(), e);
        } catch (SQLException e) {
            throw new RunException("Cannot open the durable store in " + app.stateDir().resolve("berth.db") + ": "
                    + e.getMessage() + ". Fix: check the folder's permissions, or move .berth/ away to start afresh.", e);
        }
    }

    static boolean usesDurable(FunctionApp app) {
        return app.uses(DURABLE_BINDINGS);
    }

    /// Function folders with an orchestrationTrigger: the orchestration names a start may use.
    static List<String> declared(FunctionApp app) {
        return app.functions().stream()
                .filter(f -> f.trigger().filter(t -> t.type().equals("orchestrationTrigger")).isPresent())
                .map(f -> f.name()).sorted().toList();
    }

    static Optional<DurableEndpoint> endpoint(FunctionApp app, DurableBackend backend) {
        return backend.port().map(port -> new DurableEndpoint(DurableEndpoint.CONTAINER_HOST, port, app.host().durableHub()));
    }
}
