package dev.berth.runner.doctor;

import dev.berth.runner.container.ContainerEngine;
import dev.berth.runner.container.EngineInfo;
import dev.berth.runner.container.EngineUnavailableException;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/// Fakes for the doctor's checks: engine states, a host with set free space and taken ports, and an
/// engine that answers only what the doctor asks (info, data root, image presence). Test thread only.
final class DoctorFakes {
    static final EngineInfo DOCKER = new EngineInfo("27.3.1", "1.47", "Ubuntu 24.04", false,
            "No NVIDIA runtime is registered with Docker (runtimes: runc)");

    private DoctorFakes() {}

    static EngineState reachable() { return new EngineState.Reachable(DOCKER, Optional.empty()); }

    static EngineState reachable(EngineInfo info) { return new EngineState.Reachable(info, Optional.empty()); }

    static EngineState unreachable() {
        return new EngineState.Unreachable("Cannot reach Docker at unix:///var/run/docker.sock: connection refused");
    }

    /// A host whose disks have `freeBytes` (per path prefix; empty when none matches) and whose `taken` ports are bound.
    static HostProbe host(Map<Path, Long> freeBytes, Set<Integer> taken) {
        return new HostProbe() {
            @Override public OptionalLong usableBytes(Path path) {
                return freeBytes.entrySet().stream().filter(e -> path.startsWith(e.getKey()))
                        .mapToLong(Map.Entry::getValue).findFirst();
            }

            @Override public boolean portFree(int port) { return !taken.contains(port); }
        };
    }

    /// Counts `info()` calls in `infoCalls`; throws from `info()` when `failure` is set.
    static ContainerEngine engine(String failure, Set<String> images, AtomicInteger infoCalls) {
        var present = new HashSet<>(images);
        return (ContainerEngine) Proxy.newProxyInstance(ContainerEngine.class.getClassLoader(),
                new Class<?>[] {ContainerEngine.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "info" -> {
                        infoCalls.incrementAndGet();
                        if (failure != null) throw new EngineUnavailableException(failure);
                        yield DOCKER;
                    }
                    case "dataRoot" -> Optional.of("/var/lib/docker");
                    case "imageExists" -> present.contains((String) args[0]);
                    case "close" -> null;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
