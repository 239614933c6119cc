package dev.berth.runner.replica;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/// The replicas the ingress may send work to. Thread-safe.
public interface ReplicaPool {

    /// A READY replica with the fewest outstanding requests, waiting up to `timeout` for one to become
    /// ready (scale from zero holds requests rather than refusing them). Empty when none became ready.
    Optional<Lease> acquire(Duration timeout) throws InterruptedException;

    List<ReplicaInfo> replicas();

    /// `listener` is told the base URI (e.g. http://127.0.0.1:49153) of each replica container once it is
    /// removed, so whoever pools connections to it drops them: the port may be given to a new container.
    /// Called on the replica's supervisor thread; must not block.
    void onContainerRemoved(Consumer<URI> listener);

    /// One request's hold on a replica; closing it releases the outstanding-request count.
    interface Lease extends AutoCloseable {
        String replicaId();
        /// e.g. http://127.0.0.1:49153
        URI baseUri();
        /// Tells the pool the replica did not answer (connection refused/reset), so it can check it.
        void reportFailure(Throwable cause);
        @Override void close();
    }
}
