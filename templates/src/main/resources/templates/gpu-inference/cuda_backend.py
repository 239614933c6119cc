"""The classifier on an NVIDIA GPU through the CUDA driver API, called with ctypes: no CUDA toolkit, no pip.

The NVIDIA container runtime mounts the driver's ``libcuda.so.1`` into a container that asks for a GPU
(Berth does when containerapp.yaml names a GPU workload profile). The kernel is the hand-written PTX in
``model/kernels.ptx``; the driver compiles it for the GPU at start. Weights are copied to the GPU once;
each call copies the pixels in and the scores out. Calls are serialised with a lock: one context, one
set of buffers, and the GPU finishes a batch faster than the server parses the next one.

A driver error while running a batch is final, except running out of memory: a kernel fault poisons the
context, and the driver then fails every later call with the same error, so the backend raises
``inference.DeviceLost`` from then on and the handler restarts the process.
"""

import ctypes
import os
import threading
from array import array

from inference import DeviceLost
from network import MODEL_FOLDER

_FLOAT = 4
_THREADS_PER_BLOCK = 256
_JIT_ERROR_LOG_BUFFER, _JIT_ERROR_LOG_BUFFER_SIZE_BYTES = 5, 6  # CUjit_option values
# The driver blocks the synchronising thread instead of spinning a core that the HTTP threads need.
_CU_CTX_SCHED_BLOCKING_SYNC = 0x4
_CUDA_ERROR_OUT_OF_MEMORY, _CUDA_ERROR_PRIMARY_CONTEXT_ACTIVE = 2, 708


class CudaUnavailable(Exception):
    """CUDA cannot be used here; the message says why (no driver, no device, a driver error). ``result`` is the
    driver's CUresult, when a driver call failed."""

    def __init__(self, message, result=None):
        super().__init__(message)
        self.result = result


class _Driver:
    """The few driver API calls the backend makes, each checked: a failure raises with the driver's words."""

    def __init__(self):
        try:
            self.lib = ctypes.CDLL("libcuda.so.1")
        except OSError as e:
            raise CudaUnavailable("libcuda.so.1 cannot be loaded (%s): no NVIDIA driver is visible here; a "
                                  "container gets one when it is given a GPU (a GPU workload profile in "
                                  "containerapp.yaml, Docker with the NVIDIA container runtime)" % e) from e
        lib = self.lib
        ptr, size, uint, p_ptr = ctypes.c_void_p, ctypes.c_size_t, ctypes.c_uint, ctypes.POINTER(ctypes.c_void_p)
        dptr, p_dptr = ctypes.c_uint64, ctypes.POINTER(ctypes.c_uint64)
        signatures = {
            "cuInit": [uint], "cuDeviceGetCount": [ctypes.POINTER(ctypes.c_int)],
            "cuDeviceGet": [ctypes.POINTER(ctypes.c_int), ctypes.c_int],
            "cuDeviceGetName": [ctypes.c_char_p, ctypes.c_int, ctypes.c_int],
            "cuDevicePrimaryCtxSetFlags_v2": [ctypes.c_int, uint], "cuDevicePrimaryCtxRetain": [p_ptr, ctypes.c_int],
            "cuDevicePrimaryCtxRelease_v2": [ctypes.c_int], "cuCtxSetCurrent": [ptr],
            "cuModuleLoadDataEx": [p_ptr, ctypes.c_char_p, uint, ctypes.POINTER(ctypes.c_int), p_ptr],
            "cuModuleGetFunction": [p_ptr, ptr, ctypes.c_char_p],
            "cuMemAlloc_v2": [p_dptr, size], "cuMemFree_v2": [dptr],
            "cuMemcpyHtoD_v2": [dptr, ptr, size], "cuMemcpyDtoH_v2": [ptr, dptr, size],
            "cuLaunchKernel": [ptr, uint, uint, uint, uint, uint, uint, uint, ptr, p_ptr, p_ptr],
            "cuCtxSynchronize": [], "cuGetErrorString": [ctypes.c_int, ctypes.POINTER(ctypes.c_char_p)],
        }
        for name, argtypes in signatures.items():
            function = getattr(lib, name)
            function.argtypes, function.restype = argtypes, ctypes.c_int

    def __call__(self, name, *args):
        result = getattr(self.lib, name)(*args)
        if result != 0:
            raise CudaUnavailable("%s failed: %s (CUresult %d)" % (name, self.error_text(result), result), result)

    def quietly(self, name, *args):
        """Calls ``name`` while cleaning up after an earlier error, which is the one worth reporting."""
        getattr(self.lib, name)(*args)

    def error_text(self, result):
        text = ctypes.c_char_p()
        if self.lib.cuGetErrorString(result, ctypes.byref(text)) != 0 or not text.value:
            return "unknown error"
        return text.value.decode("utf-8", "replace")


class CudaBackend:
    name = "cuda-driver-ptx"

    def __init__(self, layers, ordinal=0):
        self.cu = cu = _Driver()
        cu("cuInit", 0)
        count = ctypes.c_int()
        cu("cuDeviceGetCount", ctypes.byref(count))
        if count.value <= ordinal:
            raise CudaUnavailable("the driver sees %d CUDA device(s), so there is no device %d" % (count.value, ordinal))
        device, name = ctypes.c_int(), ctypes.create_string_buffer(256)
        cu("cuDeviceGet", ctypes.byref(device), ordinal)
        cu("cuDeviceGetName", name, len(name), device)
        self.device = "cuda:%d %s" % (ordinal, name.value.decode("utf-8", "replace"))
        self.context, self.uploads = ctypes.c_void_p(), []
        try:
            cu("cuDevicePrimaryCtxSetFlags_v2", device, _CU_CTX_SCHED_BLOCKING_SYNC)
        except CudaUnavailable as e:
            # Active already (another library in this process took it): it keeps its flags, which is fine.
            if e.result != _CUDA_ERROR_PRIMARY_CONTEXT_ACTIVE:
                raise
        cu("cuDevicePrimaryCtxRetain", ctypes.byref(self.context), device)
        try:
            cu("cuCtxSetCurrent", self.context)
            self.kernel = self._load_kernel()
            self.layers = [(layer, self._upload(layer.weights), self._upload(layer.bias)) for layer in layers]
        except BaseException:
            self._release(device)  # `auto` goes on with the CPU: leave the GPU as it was found
            raise
        self.inputs = layers[0].inputs
        self.lock = threading.Lock()
        self.capacity, self.buffers = 0, []
        self.lost = None  # the error that made the context unusable

    def _release(self, device):
        for pointer in self.uploads:
            self.cu.quietly("cuMemFree_v2", pointer)
        self.uploads = []
        self.cu.quietly("cuDevicePrimaryCtxRelease_v2", device)  # the last release destroys the module too

    def scores(self, pixels, rows):
        with self.lock:
            if self.lost is not None:
                raise DeviceLost("the CUDA context on %s failed earlier (%s) and cannot run anything more"
                                 % (self.device, self.lost))
            try:
                return self._run(pixels, rows)
            except CudaUnavailable as e:
                if e.result == _CUDA_ERROR_OUT_OF_MEMORY:
                    raise  # this batch is too big; the context and smaller batches are fine
                self.lost = e
                raise DeviceLost(str(e)) from e

    def _run(self, pixels, rows):
        # The context is current per thread, and each request runs on its own thread.
        self.cu("cuCtxSetCurrent", self.context)
        self._reserve(rows)
        source, _ = pixels.buffer_info()
        self.cu("cuMemcpyHtoD_v2", self.buffers[0], source, rows * self.inputs * _FLOAT)
        for index, (layer, weights, bias) in enumerate(self.layers):
            self._launch(self.buffers[index % 2], weights, bias, self.buffers[1 - index % 2], rows, layer)
        last = self.layers[-1][0]
        out = array("f", bytes(rows * last.outputs * _FLOAT))
        self.cu("cuCtxSynchronize")  # where a fault in the kernels shows up
        self.cu("cuMemcpyDtoH_v2", out.buffer_info()[0], self.buffers[len(self.layers) % 2],
                rows * last.outputs * _FLOAT)
        return out.tolist()

    def _launch(self, source, weights, bias, target, rows, layer):
        args = [ctypes.c_uint64(source), ctypes.c_uint64(weights), ctypes.c_uint64(bias), ctypes.c_uint64(target),
                ctypes.c_uint32(rows), ctypes.c_uint32(layer.inputs), ctypes.c_uint32(layer.outputs),
                ctypes.c_uint32(1 if layer.relu else 0)]
        params = (ctypes.c_void_p * len(args))(*[ctypes.addressof(a) for a in args])
        blocks = (rows * layer.outputs + _THREADS_PER_BLOCK - 1) // _THREADS_PER_BLOCK
        self.cu("cuLaunchKernel", self.kernel, blocks, 1, 1, _THREADS_PER_BLOCK, 1, 1, 0, None, params, None)

    def _reserve(self, rows):
        """Two ping-pong buffers wide enough for ``rows`` of the widest layer; they only grow."""
        if rows <= self.capacity:
            return
        # Forget the old buffers before anything can fail, so that no later batch uses them freed.
        old, self.buffers, self.capacity = self.buffers, [], 0
        for buffer in old:
            self.cu("cuMemFree_v2", buffer)
        width = max([self.inputs] + [layer.outputs for layer, _, _ in self.layers])
        buffers = []
        try:
            for _ in range(2):
                buffers.append(self._alloc(rows * width * _FLOAT))
        except CudaUnavailable:
            for buffer in buffers:
                self.cu.quietly("cuMemFree_v2", buffer)
            raise
        self.buffers, self.capacity = buffers, rows

    def _upload(self, values):
        pointer = self._alloc(len(values) * _FLOAT)
        self.uploads.append(pointer)
        self.cu("cuMemcpyHtoD_v2", pointer, values.buffer_info()[0], len(values) * _FLOAT)
        return pointer

    def _alloc(self, size):
        pointer = ctypes.c_uint64()
        self.cu("cuMemAlloc_v2", ctypes.byref(pointer), size)
        return pointer.value

    def _load_kernel(self):
        with open(os.path.join(MODEL_FOLDER, "kernels.ptx"), "rb") as f:
            ptx = f.read() + b"\0"
        log = ctypes.create_string_buffer(8192)
        options = (ctypes.c_int * 2)(_JIT_ERROR_LOG_BUFFER, _JIT_ERROR_LOG_BUFFER_SIZE_BYTES)
        values = (ctypes.c_void_p * 2)(ctypes.cast(log, ctypes.c_void_p), ctypes.c_void_p(len(log)))
        module, kernel = ctypes.c_void_p(), ctypes.c_void_p()
        try:
            self.cu("cuModuleLoadDataEx", ctypes.byref(module), ptx, 2, options, values)
        except CudaUnavailable as e:
            raise CudaUnavailable("%s; the driver could not compile model/kernels.ptx: %s"
                                  % (e, log.value.decode("utf-8", "replace").strip() or "no log")) from e
        self.cu("cuModuleGetFunction", ctypes.byref(kernel), module, b"dense")
        return kernel
