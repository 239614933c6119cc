package dev.berth.runner.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Frame;

import dev.berth.runner.container.ContainerEngine.LogSink;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/// Reads container output: the last lines at once, or a live follow. Thread-safe (holds only clients).
final class LogStreams {
    private static final Logger LOG = LoggerFactory.getLogger(LogStreams.class);
    private static final long TAIL_WAIT_SECONDS = 15;

    private final DockerClient quick;
    private final DockerClient streaming;

    LogStreams(DockerClient quick, DockerClient streaming) {
        this.quick = quick;
        this.streaming = streaming;
    }

    List<String> tail(String containerId, int lines) {
        var out = new ArrayList<String>();
        var frames = new FrameLines((stream, text) -> out.add(text));
        var callback = new FrameCallback(frames);
        try {
            quick.logContainerCmd(containerId).withStdOut(true).withStdErr(true).withTail(Math.max(lines, 0))
                    .exec(callback);
            if (!callback.awaitCompletion(TAIL_WAIT_SECONDS, TimeUnit.SECONDS)) {
                LOG.warn("logs of {} did not complete in {} s; returning what arrived", containerId, TAIL_WAIT_SECONDS);
            }
        } catch (NotFoundException e) {
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            close(callback);
        }
        synchronized (callback) {
            frames.finish();
            return out.size() > lines ? List.copyOf(out.subList(out.size() - lines, out.size())) : List.copyOf(out);
        }
    }

    /// Follows from the container's first line, so lines printed before the follow began are not lost.
    AutoCloseable follow(String containerId, LogSink sink) {
        var callback = new FrameCallback(new FrameLines(sink));
        try {
            streaming.logContainerCmd(containerId).withStdOut(true).withStdErr(true).withFollowStream(true)
                    .exec(callback);
        } catch (NotFoundException e) {
            LOG.debug("no container {} to follow", containerId);
            close(callback);
        }
        return () -> close(callback);
    }

    private static void close(ResultCallback.Adapter<Frame> callback) {
        try {
            callback.close();
        } catch (IOException e) {
            LOG.debug("closing a log stream failed", e);
        }
    }

    /// Serialises frames and the final flush; `onComplete` flushes the unterminated last line.
    private static final class FrameCallback extends ResultCallback.Adapter<Frame> {
        private final FrameLines frames;

        FrameCallback(FrameLines frames) { this.frames = frames; }

        @Override public synchronized void onNext(Frame frame) { frames.frame(frame); }

        @Override public void onComplete() {
            synchronized (this) { frames.finish(); }
            super.onComplete();
        }

        /// Ends the stream without docker-java's ERROR log: a container removed while followed is normal.
        @Override public void onError(Throwable error) {
            if (!(error instanceof NotFoundException)) LOG.debug("log stream ended with an error", error);
            synchronized (this) { frames.finish(); }
            LogStreams.close(this);
        }
    }
}
