package dev.berth.runner.replica;

import java.util.Locale;
import java.util.Optional;

/// Why a container engine refused a GPU request, read from its error text, with the fix. Docker's words
/// are kept in `engineSaid`. Immutable.
public record GpuRefusal(String cause, String fix, String engineSaid) {
    private static final String TOOLKIT = "install the NVIDIA Container Toolkit (it puts nvidia-container-runtime-hook "
            + "on PATH; `nvidia-ctk runtime configure --runtime=docker` registers the runtime) and restart Docker";

    /// The refusal in `engineMessage`, or empty when the message is about something else.
    public static Optional<GpuRefusal> of(String engineMessage) {
        var said = engineMessage == null ? "" : engineMessage.strip();
        var text = said.toLowerCase(Locale.ROOT);
        if (text.contains("could not select device driver")) {
            return Optional.of(new GpuRefusal("no NVIDIA runtime or device driver is registered with Docker", TOOLKIT,
                    said));
        }
        if (text.contains("unknown device") || text.contains("invalid device")) {
            return Optional.of(new GpuRefusal("the engine has no GPU with the requested id", "use ids that "
                    + "`nvidia-smi -L` lists (indexes or UUIDs) in BERTH_GPU_DEVICES", said));
        }
        if (text.contains("nvml") || text.contains("libnvidia-ml") || text.contains("no cuda-capable device")
                || text.contains("driver not loaded") || text.contains("driver/library version mismatch")) {
            return Optional.of(new GpuRefusal("no usable NVIDIA GPU or driver on the machine Docker runs on",
                    "install the NVIDIA driver so that `nvidia-smi` lists a GPU, then restart Docker", said));
        }
        if (text.contains("nvidia") || text.contains("[[gpu]]") || text.contains("device request")) {
            return Optional.of(new GpuRefusal("the engine refused the GPU request", "see the engine's message; "
                    + "`docker run --rm --gpus all <image> true` shows the same error", said));
        }
        return Optional.empty();
    }

    /// The message when the app requires a GPU (`BERTH_GPU=require`).
    String required(String source) {
        return "A GPU is required (" + source + ", BERTH_GPU=require) but " + cause + ". Fix: " + fix + "; or set "
                + "\"BERTH_GPU\": \"prefer\" in local.settings.json Values to run on CPU meanwhile. Docker said: "
                + engineSaid;
    }

    /// The warning when replicas run on CPU instead (`BERTH_GPU=prefer`).
    String fellBack(String source) {
        return "The app asks for a GPU (" + source + ") but " + cause + "; its replicas run on CPU. Fix: " + fix
                + " (or set \"BERTH_GPU\": \"off\" in local.settings.json Values to stop asking). Docker said: "
                + engineSaid;
    }
}
