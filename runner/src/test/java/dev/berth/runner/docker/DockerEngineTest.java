package dev.berth.runner.docker;

import dev.berth.runner.container.ContainerSpec;
import dev.berth.runner.container.EngineUnavailableException;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/// What needs no Docker: unreachable engines, error texts, labels, host config, orphan rules.
class DockerEngineTest {
    @Test void info_missingSocket_saysDockerIsNotRunningAndHowToStartIt() {
        var started = Instant.now();
        try (var engine = new DockerEngine("unix:///tmp/berth-nonexistent.sock")) {
            assertThatThrownBy(engine::info).isInstanceOf(EngineUnavailableException.class)
                    .hasMessageContaining("Docker is not running")
                    .hasMessageContaining("/tmp/berth-nonexistent.sock")
                    .hasMessageContaining("scripts/ensure-docker.sh");
        }
        assertThat(Duration.between(started, Instant.now())).isLessThan(Duration.ofSeconds(10));
    }

    @Test void info_tcpPortWithNothingListening_namesTheHost() {
        var started = Instant.now();
        try (var engine = new DockerEngine("tcp://127.0.0.1:1")) {
            assertThatThrownBy(engine::info).isInstanceOf(EngineUnavailableException.class)
                    .hasMessageContaining("DOCKER_HOST=tcp://127.0.0.1:1");
        }
        assertThat(Duration.between(started, Instant.now())).isLessThan(Duration.ofSeconds(10));
    }

    @Test void stopAndRemove_engineNeverAnswersTheStop_givesUpAfterGracePlusMarginAndRemovesByForce() throws Exception {
        var requests = new java.util.concurrent.CopyOnWriteArrayList<String>();
        try (var engineSocket = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            Thread.ofVirtual().start(() -> hangOnStop(engineSocket, requests));
            var started = Instant.now();
            try (var engine = new DockerEngine("tcp://127.0.0.1:" + engineSocket.getLocalPort(), 1, Duration.ofMillis(300))) {
                engine.stopAndRemove("c0ffee", Duration.ZERO);
            }
            assertThat(Duration.between(started, Instant.now())).isLessThan(Duration.ofSeconds(10));
            assertThat(requests).anyMatch(r -> r.startsWith("POST") && r.contains("/containers/c0ffee/stop"))
                    .anyMatch(r -> r.startsWith("DELETE") && r.contains("/containers/c0ffee"));
        }
    }

    /// A fake engine that answers removals and never answers a stop.
    private static void hangOnStop(java.net.ServerSocket engineSocket, List<String> requests) {
        try {
            while (true) {
                var connection = engineSocket.accept();
                Thread.ofVirtual().start(() -> {
                    try (connection; var in = new java.io.BufferedReader(new java.io.InputStreamReader(
                            connection.getInputStream(), java.nio.charset.StandardCharsets.ISO_8859_1))) {
                        for (String line; (line = in.readLine()) != null; ) {
                            if (line.isEmpty() || !Character.isUpperCase(line.charAt(0)) || line.contains(":")) continue;
                            requests.add(line);
                            if (line.startsWith("DELETE")) {
                                connection.getOutputStream().write("HTTP/1.1 204 No Content\r\n\r\n"
                                        .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
                                connection.getOutputStream().flush();
                            }
                        }
                    } catch (IOException gone) {
                        // the engine under test closed its clients
                    }
                });
            }
        } catch (IOException closed) {
            // the test is over
        }
    }

    @Test void unavailable_permissionDenied_suggestsDockerGroup() {
        var error = EngineErrors.unavailable("unix:///var/run/docker.sock", false,
                new RuntimeException(new AccessDeniedException("/var/run/docker.sock")));
        assertThat(error.getMessage()).contains("permission denied").contains("docker group");
    }

    @Test void unavailable_wrongDockerHostFromEnvironment_namesItsValue() {
        var error = EngineErrors.unavailable("tcp://build-box:2376", true, new RuntimeException(new IOException("timed out")));
        assertThat(error.getMessage()).contains("DOCKER_HOST=tcp://build-box:2376").contains("unset it");
    }

    @Test void labels_specLabels_getManagedAndOwnerPid() {
        var labels = ContainerLauncher.labels(Map.of("berth.project", "p", "berth.pid", "spoofed"), 4242);
        assertThat(labels).containsEntry("berth.project", "p").containsEntry("berth.managed", "true")
                .containsEntry("berth.pid", "4242");
    }

    @Test void hostConfig_portsLimitsAndPrivileges_loopbackOnlyWithLimits() {
        var spec = new ContainerSpec("img", null, Map.of(), Map.of(), List.of(8080, 5005), 500_000_000L, 64L << 20, List.of());
        var host = ContainerLauncher.hostConfig(spec);
        assertThat(host.getMemory()).isEqualTo(64L << 20);
        assertThat(host.getMemorySwap()).isEqualTo(64L << 20);
        assertThat(host.getNanoCPUs()).isEqualTo(500_000_000L);
        assertThat(host.getSecurityOpts()).containsExactly("no-new-privileges");
        assertThat(host.getPortBindings().getBindings().values()).hasSize(2)
                .allSatisfy(bindings -> assertThat(bindings[0].getHostIp()).isEqualTo("127.0.0.1"));
    }

    @Test void hostConfig_zeroLimits_setsNoLimit() {
        var host = ContainerLauncher.hostConfig(new ContainerSpec("img", null, Map.of(), Map.of(), List.of(), 0, 0, List.of()));
        assertThat(host.getMemory()).isNull();
        assertThat(host.getNanoCPUs()).isNull();
    }

    @Test void hostConfig_gpuRequested_addsGpuDeviceRequest() {
        var spec = new ContainerSpec("img", null, Map.of(), Map.of(), List.of(), 0, 0, List.of(),
                dev.berth.runner.container.GpuRequest.all());
        var request = ContainerLauncher.hostConfig(spec).getDeviceRequests().getFirst();
        assertThat(request.getCapabilities()).containsExactly(List.of("gpu"));
        assertThat(request.getCount()).isEqualTo(-1);
        var byId = ContainerLauncher.deviceRequest(new dev.berth.runner.container.GpuRequest(0, List.of("GPU-1")));
        assertThat(byId.getDeviceIds()).containsExactly("GPU-1");
        assertThat(ContainerLauncher.hostConfig(new ContainerSpec("img", null, Map.of(), Map.of(), List.of(), 0, 0, List.of()))
                .getDeviceRequests()).isNullOrEmpty();
    }

    @Test void startFailure_noGpuDriver_namesNvidiaRuntimeAndCpuChoice() {
        var spec = new ContainerSpec("img:1", null, Map.of(), Map.of(), List.of(), 0, 0, List.of());
        assertThat(ContainerLauncher.startFailure(spec, "could not select device driver \"\" with capabilities: [[gpu]]"))
                .contains("no NVIDIA runtime or device driver is registered with Docker")
                .contains("install the NVIDIA Container Toolkit");
    }

    @Test void startFailure_portTaken_explainsTheFix() {
        var spec = new ContainerSpec("img:1", null, Map.of(), Map.of(), List.of(), 0, 0, List.of());
        assertThat(ContainerLauncher.startFailure(spec, "Bind for 127.0.0.1:80 failed: port is already allocated"))
                .contains("img:1").contains("a host port is taken").contains("port is already allocated");
    }

    @Test void isOrphan_deadOtherPid_true_ownOrLiveOrUnreadable_false() throws Exception {
        var process = new ProcessBuilder("true").start();
        process.waitFor();
        long dead = process.pid();
        long self = ProcessHandle.current().pid();
        assertThat(Orphans.isOrphan(Map.of("berth.pid", Long.toString(dead)), self)).isTrue();
        assertThat(Orphans.isOrphan(Map.of("berth.pid", Long.toString(self)), self)).isFalse();
        assertThat(Orphans.isOrphan(Map.of("berth.pid", "1"), self)).isFalse();
        assertThat(Orphans.isOrphan(Map.of("berth.pid", "x"), self)).isFalse();
        assertThat(Orphans.isOrphan(Map.of(), self)).isFalse();
    }

    @Test void registryOf_shortAndQualifiedNames_givesRegistryHost() {
        assertThat(Puller.registryOf("python:3.12-slim")).isEqualTo("docker.io");
        assertThat(Puller.registryOf("library/python")).isEqualTo("docker.io");
        assertThat(Puller.registryOf("mcr.microsoft.com/azure-functions/python:4")).isEqualTo("mcr.microsoft.com");
        assertThat(Puller.registryOf("localhost:5000/x")).isEqualTo("localhost:5000");
    }

    @Test void importChanges_labelsQuoted_appendedAfterInstructions() {
        assertThat(RootfsImport.changes(List.of("CMD [\"python3\"]"), Map.of("berth.managed", "true")))
                .containsExactly("CMD [\"python3\"]", "LABEL berth.managed=\"true\"");
    }

    @Test void gpu_nvidiaRuntimeOrHook_meansAvailable() {
        assertThat(Gpu.available(List.of("runc", "nvidia"), false)).isTrue();
        assertThat(Gpu.available(List.of("runc"), true)).isTrue();
        assertThat(Gpu.available(List.of("runc"), false)).isFalse();
        assertThat(Gpu.detail(List.of("runc"), false)).contains("No NVIDIA runtime").contains("runc")
                .contains("nvidia-container-runtime-hook is not on PATH");
        assertThat(Gpu.detail(List.of("runc"), true)).contains("device driver");
    }

    @Test void gpuHookOnPath_executableInAFolder_isFound(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        assertThat(Gpu.hookOnPath(dir.toString())).isFalse();
        var hook = java.nio.file.Files.writeString(dir.resolve(Gpu.HOOK), "#!/bin/sh\n");
        assertThat(Gpu.hookOnPath("/nonexistent" + java.io.File.pathSeparator + dir)).isFalse();
        assertThat(hook.toFile().setExecutable(true)).isTrue();
        assertThat(Gpu.hookOnPath("/nonexistent" + java.io.File.pathSeparator + dir)).isTrue();
        assertThat(Gpu.hookOnPath(null)).isFalse();
    }
}
