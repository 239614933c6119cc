package dev.berth.runner.project;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/// Reads what GPUs an app asks for: a GPU workload profile in containerapp.yaml
/// (`properties.workloadProfileName`, as Azure deploys it), then the Berth-only settings of
/// local.settings.json `Values`, which never reach Azure: [#MODE_SETTING] (`require`, `prefer` – the default –
/// or `off`), [#COUNT_SETTING] (a number or `all`), [#DEVICES_SETTING] (comma-separated ids as
/// `nvidia-smi -L` shows them) and [#SHARING_SETTING] (`share` – the default – or `split`). Local settings win
/// over the profile. Every bad value is an ERROR naming the file, the field and the fix. Stateless.
final class ContainerAppGpuReader {
    static final String MODE_SETTING = "BERTH_GPU";
    static final String COUNT_SETTING = "BERTH_GPU_COUNT";
    static final String DEVICES_SETTING = "BERTH_GPU_DEVICES";
    static final String SHARING_SETTING = "BERTH_GPU_SHARING";
    static final String PROFILE_FIELD = "properties.workloadProfileName";
    /// GPUs per replica of the GPU workload profiles Azure Container Apps offers (serverless and dedicated),
    /// keyed by lower-case profile type; the dedicated display names ("Dedicated-NC24-A100") are matched too.
    static final Map<String, Integer> GPU_PROFILES = Map.of(
            "consumption-gpu-nc24-a100", 1, "consumption-gpu-nc8as-t4", 1,
            "nc24-a100", 1, "nc48-a100", 2, "nc96-a100", 4, "nc8as-t4", 1);
    private static final Pattern LOOKS_LIKE_GPU = Pattern.compile("(?i).*(gpu|^(dedicated-)?nc\\d).*");
    private static final Pattern DEVICE_ID = Pattern.compile("[A-Za-z0-9:-]+");

    private ContainerAppGpuReader() {}

    /// The GPU count of `properties.workloadProfileName`, or empty for no (or a non-GPU) profile.
    static Optional<Profile> profile(SourceDoc doc, JsonNode properties, Problems problems) {
        var name = YamlValues.text(doc, PROFILE_FIELD, YamlValues.get(properties, "workloadProfileName"), problems);
        if (name.isEmpty()) return Optional.empty();
        var key = name.get().strip().toLowerCase(Locale.ROOT).replaceFirst("^dedicated-", "");
        var gpus = GPU_PROFILES.get(key);
        if (gpus != null) return Optional.of(new Profile(name.get(), gpus));
        if (LOOKS_LIKE_GPU.matcher(name.get()).matches()) {
            problems.warning(doc, PROFILE_FIELD, "Berth does not know the GPU workload profile \"" + name.get()
                    + "\"; it asks for 1 GPU per replica.", "use a profile type such as Consumption-GPU-NC8as-T4 or "
                    + "NC24-A100, or set \"" + COUNT_SETTING + "\" in local.settings.json Values.");
            return Optional.of(new Profile(name.get(), 1));
        }
        return Optional.empty(); // Consumption, D4 … or an environment's own profile name: no GPU.
    }

    /// The request from the profile and the local settings.
    static ContainerAppGpu read(Optional<Profile> profile, Map<String, String> settings, Problems problems) {
        var mode = choice(settings, MODE_SETTING, ContainerAppGpu.Mode.class, ContainerAppGpu.Mode.PREFER, problems);
        var sharing = choice(settings, SHARING_SETTING, ContainerAppGpu.Sharing.class, ContainerAppGpu.Sharing.SHARE,
                problems);
        var count = count(settings, problems);
        var devices = devices(settings, problems);
        if (count.isPresent() && !devices.isEmpty()) {
            problems.error(SettingsReader.FILE, 0, "Values." + COUNT_SETTING, "both " + COUNT_SETTING + " and "
                    + DEVICES_SETTING + " are set; Docker takes a GPU count or device ids, not both.",
                    "remove one of them.");
            count = Optional.empty();
        }
        if (mode == ContainerAppGpu.Mode.OFF) return ContainerAppGpu.NONE;
        boolean asked = profile.isPresent() || count.isPresent() || !devices.isEmpty()
                || settings.containsKey(MODE_SETTING);
        if (!asked) return ContainerAppGpu.NONE;
        if (!devices.isEmpty()) {
            return new ContainerAppGpu(mode, 0, devices, sharing, "local.settings.json " + DEVICES_SETTING + "="
                    + String.join(",", devices));
        }
        if (count.isPresent()) {
            return checkSplit(new ContainerAppGpu(mode, count.get(), List.of(), sharing, "local.settings.json "
                    + COUNT_SETTING + "=" + (count.get() < 0 ? "all" : count.get())), problems);
        }
        if (profile.isPresent()) {
            return new ContainerAppGpu(mode, profile.get().gpus(), List.of(), sharing, "workload profile "
                    + profile.get().name() + " (" + profile.get().gpus() + " GPU" + (profile.get().gpus() == 1 ? ")" : "s)"));
        }
        // BERTH_GPU=require|prefer alone: one GPU, as the smallest GPU profile has.
        return new ContainerAppGpu(mode, 1, List.of(), sharing, "local.settings.json " + MODE_SETTING);
    }

    private static ContainerAppGpu checkSplit(ContainerAppGpu gpu, Problems problems) {
        if (gpu.sharing() != ContainerAppGpu.Sharing.SPLIT || gpu.count() > 0) return gpu;
        problems.error(SettingsReader.FILE, 0, "Values." + SHARING_SETTING, "split needs to know the GPUs to split, "
                + "but " + COUNT_SETTING + " is \"all\".", "set " + COUNT_SETTING + " to the number of GPUs, or list "
                + "them in " + DEVICES_SETTING + ".");
        return new ContainerAppGpu(gpu.mode(), gpu.count(), List.of(), ContainerAppGpu.Sharing.SHARE, gpu.source());
    }

    private static <E extends Enum<E>> E choice(Map<String, String> settings, String key, Class<E> type, E fallback,
                                                Problems problems) {
        var value = settings.get(key);
        if (value == null) return fallback;
        for (var constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(value.strip())) return constant;
        }
        var allowed = java.util.Arrays.stream(type.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT)).toList();
        problems.error(SettingsReader.FILE, 0, "Values." + key, "\"" + value + "\" is not one of "
                + String.join(", ", allowed) + ".", "write e.g. \"" + key + "\": \"" + allowed.getFirst()
                + "\", or remove it for " + fallback.name().toLowerCase(Locale.ROOT) + ".");
        return fallback;
    }

    private static Optional<Integer> count(Map<String, String> settings, Problems problems) {
        var value = settings.get(COUNT_SETTING);
        if (value == null) return Optional.empty();
        if (value.strip().equalsIgnoreCase("all")) return Optional.of(-1);
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= 1 && n <= 64) return Optional.of(n);
        } catch (NumberFormatException notNumber) {
            // reported below
        }
        problems.error(SettingsReader.FILE, 0, "Values." + COUNT_SETTING, "\"" + value + "\" is not a GPU count.",
                "write a whole number from 1 to 64, or \"all\".");
        return Optional.empty();
    }

    private static List<String> devices(Map<String, String> settings, Problems problems) {
        var value = settings.get(DEVICES_SETTING);
        if (value == null) return List.of();
        var ids = new ArrayList<String>();
        for (var part : value.split(",", -1)) {
            var id = part.strip();
            if (!DEVICE_ID.matcher(id).matches() || ids.contains(id)) {
                problems.error(SettingsReader.FILE, 0, "Values." + DEVICES_SETTING, "\"" + value + "\" is not a "
                        + "list of distinct GPU ids (\"" + id + "\" is " + (id.isEmpty() ? "empty" : ids.contains(id)
                        ? "repeated" : "no id") + ").", "write indexes or UUIDs as `nvidia-smi -L` lists them, "
                        + "separated by commas, e.g. \"0,1\".");
                return List.of();
            }
            ids.add(id);
        }
        return List.copyOf(ids);
    }

    /// A recognised GPU workload profile and its GPUs per replica.
    record Profile(String name, int gpus) {}
}
