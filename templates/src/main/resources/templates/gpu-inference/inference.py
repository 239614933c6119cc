"""Chooses where the classifier runs, once at start, from ``BERTH_INFERENCE_DEVICE``:

* ``auto`` (the default): the GPU when CUDA works here, else the CPU, with the reason logged;
* ``cpu``: the CPU (numpy when installed, else plain Python);
* ``gpu``: the GPU or nothing: the handler stops with the reason instead of running slowly on the CPU.
"""

import network

SETTING = "BERTH_INFERENCE_DEVICE"
CHOICES = ("auto", "cpu", "gpu")


class StartupError(Exception):
    """The handler cannot start as configured; the message says what to change."""


class DeviceLost(Exception):
    """The backend's device can run nothing more in this process (a CUDA kernel fault poisons the context):
    the process must end so that a fresh one, with a fresh context, takes its place."""


def select_backend(value, layers, log=print):
    choice = (value or "auto").strip().lower()
    if choice not in CHOICES:
        raise StartupError('%s is "%s", which is not one of %s; set it to auto (GPU when present), cpu or gpu '
                           "in local.settings.json Values" % (SETTING, value, ", ".join(CHOICES)))
    if choice == "cpu":
        return _announce(network.cpu_backend(layers), "%s=cpu" % SETTING, log)
    try:
        import cuda_backend  # ctypes only, but keep a broken install from stopping the CPU path
        return _announce(cuda_backend.CudaBackend(layers), "CUDA works here", log)
    except Exception as e:  # CudaUnavailable, or anything else the driver does to us
        if choice == "gpu":
            raise StartupError("%s=gpu but CUDA is unusable: %s. Run the app with a GPU, or set %s to auto to fall "
                               "back to the CPU" % (SETTING, e, SETTING)) from e
        return _announce(network.cpu_backend(layers), "no usable GPU: %s" % e, log)


def _announce(backend, reason, log):
    log("inference on %s with the %s backend (%s)" % (backend.device, backend.name, reason))
    return backend
