package dev.berth.runner.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.DeviceRequest;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;

import dev.berth.runner.container.ContainerSpec;
import dev.berth.runner.container.ContainerStartException;
import dev.berth.runner.container.GpuRequest;
import dev.berth.runner.container.StartedContainer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/// Creates and starts one container from a spec, with Berth's labels, limits and loopback-only ports;
/// a container that was created but failed to start is removed again. Thread-safe (stateless).
final class ContainerLauncher {
    private static final Logger LOG = LoggerFactory.getLogger(ContainerLauncher.class);
    static final String LOOPBACK = "127.0.0.1";

    private final DockerClient docker;
    private final long ownerPid;

    ContainerLauncher(DockerClient docker, long ownerPid) {
        this.docker = docker;
        this.ownerPid = ownerPid;
    }

    StartedContainer start(ContainerSpec spec) throws ContainerStartException {
        String id = create(spec);
        try {
            docker.startContainerCmd(id).exec();
            return new StartedContainer(id, hostPorts(id, spec.ports()));
        } catch (DockerException e) {
            removeQuietly(id);
            throw new ContainerStartException(startFailure(spec, e.getMessage()), e);
        } catch (RuntimeException e) {
            // A transport timeout or an odd inspect answer: the container may be running, and nobody
            // else knows its id, so it is removed here or it would outlive the session.
            removeQuietly(id);
            throw e;
        }
    }

    private String create(ContainerSpec spec) throws ContainerStartException {
        var cmd = docker.createContainerCmd(spec.image())
                .withLabels(labels(spec.labels(), ownerPid))
                .withEnv(spec.env().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList())
                .withExposedPorts(spec.ports().stream().map(ExposedPort::tcp).toList())
                .withHostConfig(hostConfig(spec));
        if (spec.name() != null && !spec.name().isBlank()) cmd.withName(spec.name());
        if (!spec.command().isEmpty()) cmd.withCmd(spec.command());
        try {
            return cmd.exec().getId();
        } catch (NotFoundException e) {
            throw new ContainerStartException("Image " + spec.image() + " is not on this machine: build it first "
                    + "(Berth builds it from the project's Dockerfile before starting replicas).", e);
        } catch (ConflictException e) {
            throw new ContainerStartException("A container named " + spec.name() + " already exists: remove it "
                    + "(docker rm -f " + spec.name() + ") or choose another name. Docker said: " + e.getMessage(), e);
        } catch (DockerException e) {
            throw new ContainerStartException("Docker could not create a container from " + spec.image() + ": "
                    + e.getMessage(), e);
        }
    }

    /// The spec's labels plus the two the engine owns: berth.managed and the pid the reaper checks.
    static Map<String, String> labels(Map<String, String> specLabels, long ownerPid) {
        var labels = new HashMap<>(specLabels);
        labels.put(DockerEngine.MANAGED_LABEL, "true");
        labels.put(DockerEngine.PID_LABEL, Long.toString(ownerPid));
        return labels;
    }

    static HostConfig hostConfig(ContainerSpec spec) {
        var bindings = new Ports();
        // No host port: Docker picks a free one, so replicas never race each other for a port.
        spec.ports().forEach(port -> bindings.bind(ExposedPort.tcp(port), Ports.Binding.bindIp(LOOPBACK)));
        var host = HostConfig.newHostConfig()
                .withPortBindings(bindings)
                .withSecurityOpts(List.of("no-new-privileges"))
                // The name Docker Desktop gives the host, here too, so apps reach the durable backend by it.
                .withExtraHosts("host.docker.internal:host-gateway");
        if (spec.memoryBytes() > 0) host.withMemory(spec.memoryBytes()).withMemorySwap(spec.memoryBytes());
        if (spec.nanoCpus() > 0) host.withNanoCPUs(spec.nanoCpus());
        if (spec.gpu().requested()) host.withDeviceRequests(List.of(deviceRequest(spec.gpu())));
        return host;
    }

    /// What `docker run --gpus` sends: the gpu capability, and a count or explicit device ids.
    static DeviceRequest deviceRequest(GpuRequest gpu) {
        var request = new DeviceRequest().withCapabilities(List.of(List.of("gpu")));
        return gpu.deviceIds().isEmpty() ? request.withCount(gpu.count()) : request.withDeviceIds(gpu.deviceIds());
    }

    /// Host ports read back after start. A container that already exited has none; it is returned
    /// anyway, without them, so the caller sees its exit code and logs instead of a vague start error.
    private Map<Integer, Integer> hostPorts(String id, List<Integer> ports) {
        var bound = docker.inspectContainerCmd(id).exec().getNetworkSettings().getPorts().getBindings();
        var result = new HashMap<Integer, Integer>();
        for (int port : ports) {
            Ports.Binding[] bindings = bound.get(ExposedPort.tcp(port));
            if (bindings == null || bindings.length == 0) {
                LOG.info("container {} has no host port for {} (it may have exited already)", id, port);
                continue;
            }
            result.put(port, Integer.parseInt(bindings[0].getHostPortSpec()));
        }
        return result;
    }

    static String startFailure(ContainerSpec spec, String dockerMessage) {
        var message = dockerMessage == null ? "" : dockerMessage.strip();
        var lower = message.toLowerCase(java.util.Locale.ROOT);
        String fix;
        if (lower.contains("port is already allocated") || lower.contains("address already in use")) {
            fix = "a host port is taken; stop what uses it or retry (Berth picks free ports)";
        } else if (lower.contains("executable file not found") || lower.contains("no such file or directory")) {
            fix = "the image's command does not exist in the image; check CMD/ENTRYPOINT in the Dockerfile";
        } else if (lower.contains("could not select device driver")) {
            fix = "the engine cannot provide the requested GPU: no NVIDIA runtime or device driver is registered with "
                    + "Docker (install the NVIDIA Container Toolkit and restart Docker)";
        } else if (lower.contains("nvidia")) {
            fix = "the engine's NVIDIA hook refused the requested GPU (check `nvidia-smi` and the GPU ids)";
        } else {
            fix = "see Docker's message";
        }
        return "Container from " + spec.image() + " did not start: " + fix + ". Docker said: " + message;
    }

    private void removeQuietly(String id) {
        try {
            docker.removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec();
        } catch (RuntimeException e) {
            LOG.debug("could not remove failed container {}", id, e);
        }
    }
}
