package dev.berth.runner.docker;

import dev.berth.runner.container.ContainerSpec;
import dev.berth.runner.container.GpuRequest;
import dev.berth.runner.container.ImageImportRequest;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/// A GPU device request accepted by a real engine without a GPU: a second dockerd runs for this test with a
/// stand-in `nvidia-container-runtime-hook` on its PATH. Docker registers its NVIDIA device driver when that
/// binary is on PATH (moby daemon/nvidia_linux.go), turns the request into NVIDIA_VISIBLE_DEVICES in the
/// OCI spec and runs the hook as a prestart hook; the stand-in records the NVIDIA variables of the bundle's
/// config.json, which is what the real hook reads to pick the GPUs. (The refusal of an engine without
/// the hook is in [DockerEngineIT].)
/// Needs root, as dockerd does; fails (never skips) when the second daemon cannot start.
///
/// The daemon gets its own bridge (on TEST-NET-1, 192.0.2.0/24) and containerd namespace, and leaves iptables
/// alone: `--bridge=none` must not be used, as a daemon started with it deletes docker0, the main daemon's bridge.
@Tag("docker")
class GpuDeviceRequestIT {
    private static final String HOOK_SCRIPT = """
            #!/bin/sh
            # Stand-in NVIDIA hook: OCI state on stdin names the bundle; record what the container asked for.
            state=$(cat)
            bundle=$(printf '%s' "$state" | sed -n 's/.*"bundle":"\\([^"]*\\)".*/\\1/p')
            { echo "hook $1"; grep -o 'NVIDIA_[A-Z_]*=[^"]*' "$bundle/config.json"; } >> "$BERTH_HOOK_LOG.${bundle##*/}"
            """;
    private static final String BRIDGE = "bgpu" + ProcessHandle.current().pid() % 100_000;
    private static Path root;
    private static Path hookLog;
    private static Process daemon;
    private static DockerEngine gpuEngine;
    /// A tiny image: the host's `sleep` and the libraries it links, imported in a blink.
    private static final String IMAGE = "berth-it/gpu-sleep:" + ProcessHandle.current().pid();
    private static final List<String> started = new ArrayList<>();

    @BeforeAll
    static void startSecondDaemon() throws Exception {
        if (ProcessHandle.current().info().user().filter("root"::equals).isEmpty()) {
            fail("GpuDeviceRequestIT starts its own dockerd, which needs root; run the docker ITs as root (CI does).");
        }
        root = Files.createTempDirectory("berth-gpud");
        var bin = Files.createDirectories(root.resolve("bin"));
        var hook = bin.resolve(Gpu.HOOK);
        Files.writeString(hook, HOOK_SCRIPT);
        Files.setPosixFilePermissions(hook, PosixFilePermissions.fromString("rwxr-xr-x"));
        hookLog = root.resolve("hook.log");
        var socket = root.resolve("docker.sock");
        var namespace = "berth-gpu-it-" + ProcessHandle.current().pid();
        run("ip", "link", "add", BRIDGE, "type", "bridge");
        run("ip", "addr", "add", "192.0.2.1/24", "dev", BRIDGE);
        run("ip", "link", "set", BRIDGE, "up");
        var command = new ProcessBuilder("dockerd", "--data-root", root.resolve("data").toString(),
                "--exec-root", root.resolve("exec").toString(), "-H", "unix://" + socket,
                "--pidfile", root.resolve("dockerd.pid").toString(), "--bridge=" + BRIDGE, "--iptables=false",
                "--ip-masq=false", "--containerd-namespace", namespace,
                "--containerd-plugins-namespace", namespace + "-plugins")
                .redirectErrorStream(true).redirectOutput(root.resolve("dockerd.log").toFile());
        command.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        command.environment().put("BERTH_HOOK_LOG", hookLog.toString());
        daemon = command.start();
        gpuEngine = new DockerEngine("unix://" + socket);
        awaitDaemon();
        var rootfs = root.resolve("rootfs.tar");
        run("sh", "-c", "tar -C / -chf " + rootfs + " bin/sleep $(ldd /bin/sleep | grep -o '/[^ ]*' | sed 's#^/##')");
        gpuEngine.importRootfs(new ImageImportRequest(rootfs, IMAGE, Map.of(), List.of()));
    }

    private static void awaitDaemon() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (true) {
            if (!daemon.isAlive()) fail("the test dockerd exited with " + daemon.exitValue() + ":\n" + daemonLog());
            try {
                gpuEngine.client().pingCmd().exec();
                return;
            } catch (RuntimeException notYet) {
                if (System.nanoTime() > deadline) fail("the test dockerd did not answer within 20 s:\n" + daemonLog());
            }
            daemon.waitFor(100, TimeUnit.MILLISECONDS); // returns early only if it dies
        }
    }

    @AfterAll
    static void stopSecondDaemon() throws Exception {
        if (gpuEngine != null) {
            started.forEach(id -> gpuEngine.stopAndRemove(id, Duration.ZERO));
            gpuEngine.close();
        }
        if (daemon != null) {
            daemon.destroy();
            if (!daemon.waitFor(15, TimeUnit.SECONDS)) daemon.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
        new ProcessBuilder("ip", "link", "del", BRIDGE).inheritIO().start().waitFor(10, TimeUnit.SECONDS);
        if (root != null) new ProcessBuilder("rm", "-rf", root.toString()).inheritIO().start().waitFor(30, TimeUnit.SECONDS);
    }

    private static void run(String... command) throws IOException, InterruptedException {
        var process = new ProcessBuilder(command).redirectErrorStream(true).start();
        var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
            fail("`" + String.join(" ", command) + "` failed, so the test dockerd cannot be set up: " + output);
        }
    }

    private static ContainerSpec spec(String name, GpuRequest gpu, Map<String, String> env) {
        return new ContainerSpec(IMAGE, name + "-" + ProcessHandle.current().pid(), Map.of("berth.session", "gpu-it"),
                env, List.of(), 0, 0, List.of("/bin/sleep", "30"), gpu);
    }

    @Test
    void deviceIds_reachTheContainerThroughTheNvidiaHook() throws Exception {
        var container = gpuEngine.start(spec("gpu-ids", new GpuRequest(0, List.of("1", "3")),
                Map.of("NVIDIA_VISIBLE_DEVICES", "1,3", "NVIDIA_DRIVER_CAPABILITIES", "compute,utility")));
        started.add(container.id());

        assertThat(gpuEngine.status(container.id()).running()).isTrue();
        var request = gpuEngine.client().inspectContainerCmd(container.id()).exec().getHostConfig()
                .getDeviceRequests().getFirst();
        assertThat(request.getDeviceIds()).containsExactly("1", "3");
        assertThat(request.getCapabilities()).containsExactly(List.of("gpu"));
        assertThat(hookSaw(container.id())).contains("hook prestart", "NVIDIA_VISIBLE_DEVICES=1,3",
                "NVIDIA_DRIVER_CAPABILITIES=compute,utility");
    }

    @Test
    void count_becomesTheFirstNDevices() throws Exception {
        var container = gpuEngine.start(spec("gpu-count", new GpuRequest(2, List.of()), Map.of()));
        started.add(container.id());

        assertThat(gpuEngine.status(container.id()).running()).isTrue();
        assertThat(hookSaw(container.id())).contains("NVIDIA_VISIBLE_DEVICES=0,1");
    }

    /// What the stand-in hook recorded for the container (its bundle folder is named by the container id).
    private static List<String> hookSaw(String containerId) throws IOException {
        var log = root.resolve(hookLog.getFileName() + "." + containerId);
        return Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : List.of();
    }

    private static String daemonLog() {
        try {
            var lines = Files.readAllLines(root.resolve("dockerd.log"));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no dockerd log: " + e.getMessage() + ")";
        }
    }
}
