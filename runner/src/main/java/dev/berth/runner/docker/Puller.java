package dev.berth.runner.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.PullResponseItem;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/// Pulls images when a registry answers, and remembers registries that did not so later builds in the
/// same session skip them (offline, every pull would otherwise cost its whole timeout). Thread-safe.
final class Puller {
    private static final Logger LOG = LoggerFactory.getLogger(Puller.class);

    private final DockerClient docker;
    private final Set<String> unreachable = ConcurrentHashMap.newKeySet();

    Puller(DockerClient docker) { this.docker = docker; }

    boolean tryPull(String reference, Duration timeout) {
        var registry = registryOf(reference);
        if (unreachable.contains(registry)) return false;
        var callback = new QuietCallback();
        boolean pulled = false;
        try {
            docker.pullImageCmd(reference).exec(callback);
            if (callback.awaitCompletion(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                pulled = callback.failure == null;
                if (!pulled) LOG.info("pull of {} failed: {}", reference, callback.failure.getMessage());
            } else {
                LOG.info("pull of {} gave no answer within {} s", reference, timeout.toSeconds());
            }
        } catch (RuntimeException e) {
            LOG.info("pull of {} failed: {}", reference, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            try {
                callback.close();
            } catch (IOException e) {
                LOG.debug("closing a pull stream failed", e);
            }
        }
        if (!pulled) unreachable.add(registry);
        return pulled;
    }

    /// Records a failed pull instead of letting docker-java log it as an ERROR: offline, failing is normal.
    private static final class QuietCallback extends ResultCallback.Adapter<PullResponseItem> {
        private volatile Throwable failure;

        @Override public void onError(Throwable error) {
            failure = error;
            try {
                close();
            } catch (IOException e) {
                LOG.debug("closing a pull stream failed", e);
            }
        }
    }

    /// "docker.io" for short names; otherwise the first path part when it looks like a host.
    static String registryOf(String reference) {
        int slash = reference.indexOf('/');
        if (slash < 0) return "docker.io";
        var first = reference.substring(0, slash);
        boolean host = first.contains(".") || first.contains(":") || first.equals("localhost");
        return host ? first : "docker.io";
    }
}
