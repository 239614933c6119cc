package dev.berth.runner.doctor;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/// The parts of this machine the doctor measures, behind an interface so the checks are tested with a
/// fake. The system one is stateless and thread-safe.
public interface HostProbe {
    /// Free bytes (for an unprivileged user) on the file system holding `path`, or of its nearest
    /// existing parent; empty when no part of the path exists here.
    OptionalLong usableBytes(Path path);

    /// Whether a server could bind `port` on 127.0.0.1 now.
    boolean portFree(int port);

    static HostProbe system() {
        return new HostProbe() {
            @Override public OptionalLong usableBytes(Path path) {
                for (var at = path.toAbsolutePath(); at != null; at = at.getParent()) {
                    if (!Files.exists(at)) continue;
                    try {
                        return OptionalLong.of(Files.getFileStore(at).getUsableSpace());
                    } catch (IOException e) {
                        return OptionalLong.empty();
                    }
                }
                return OptionalLong.empty();
            }

            @Override public boolean portFree(int port) {
                // No SO_REUSEADDR: a port in TIME_WAIT would bind here yet may still refuse the ingress.
                try (var socket = new ServerSocket()) {
                    socket.setReuseAddress(false);
                    socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
                    return true;
                } catch (IOException e) {
                    return false;
                }
            }
        };
    }
}
