package dev.berth.runner.session;

import java.util.Map;

/// Where a replica's Durable Task SDK finds the backend: `host` as the container sees this machine, the
/// backend's port, and the project's task hub.
record DurableEndpoint(String host, int port, String hub) {
    /// The name containers reach this machine by (Berth adds it to every container's hosts).
    static final String CONTAINER_HOST = "host.docker.internal";

    /// The variables every replica gets; the templates' durable helper reads them. The connection string is
    /// the form the Durable Task Scheduler SDKs read, so apps written for it find Berth too.
    Map<String, String> env() {
        return Map.of("DURABLE_TASK_HOST", host, "DURABLE_TASK_PORT", Integer.toString(port), "DURABLE_TASK_HUB", hub,
                "DURABLE_TASK_SCHEDULER_CONNECTION_STRING",
                "Endpoint=http://" + host + ":" + port + ";Authentication=None;TaskHub=" + hub);
    }
}
