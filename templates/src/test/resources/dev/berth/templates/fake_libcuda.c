/* A stand-in for the NVIDIA driver's libcuda.so.1, for tests on machines without a GPU. It checks the
 * calls the gpu-inference template makes through ctypes: device memory is host memory, and the one
 * kernel, dense, runs on the CPU reading its parameters in the order and types model/kernels.ptx declares.
 * FAKE_CUDA_INIT_ERROR=<CUresult> makes cuInit fail, as a driver without a usable device does. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

typedef int CUresult;
enum { OK = 0, INVALID_VALUE = 1, NOT_INITIALIZED = 3, NO_DEVICE = 100, INVALID_PTX = 218, NOT_FOUND = 500 };
static int initialized;
static void *const CONTEXT = (void *) 0x100, *const MODULE = (void *) 0x200, *const DENSE = (void *) 0x300;

CUresult cuInit(unsigned flags) {
    const char *error = getenv("FAKE_CUDA_INIT_ERROR");
    if (flags != 0) return INVALID_VALUE;
    if (error != NULL) return atoi(error);
    initialized = 1;
    return OK;
}

CUresult cuDeviceGetCount(int *count) { if (!initialized) return NOT_INITIALIZED; *count = 1; return OK; }
CUresult cuDeviceGet(int *device, int ordinal) { if (ordinal != 0) return INVALID_VALUE; *device = 0; return OK; }

CUresult cuDeviceGetName(char *name, int length, int device) {
    if (device != 0 || length < 16) return INVALID_VALUE;
    strcpy(name, "Fake GPU");
    return OK;
}

CUresult cuDevicePrimaryCtxRetain(void **context, int device) { *context = CONTEXT; return device == 0 ? OK : INVALID_VALUE; }
CUresult cuCtxSetCurrent(void *context) { return context == CONTEXT ? OK : INVALID_VALUE; }
CUresult cuCtxSynchronize(void) { return OK; }

CUresult cuModuleLoadDataEx(void **module, const void *image, unsigned count, int *options, void **values) {
    if (strstr((const char *) image, ".visible .entry dense(") == NULL) {
        for (unsigned i = 0; i < count; i++) {
            if (options[i] == 5) strcpy((char *) values[i], "fake ptxas: no entry dense");
        }
        return INVALID_PTX;
    }
    *module = MODULE;
    return OK;
}

CUresult cuModuleGetFunction(void **function, void *module, const char *name) {
    if (module != MODULE || strcmp(name, "dense") != 0) return NOT_FOUND;
    *function = DENSE;
    return OK;
}

CUresult cuMemAlloc_v2(uint64_t *pointer, size_t size) { *pointer = (uint64_t) (uintptr_t) malloc(size); return OK; }
CUresult cuMemFree_v2(uint64_t pointer) { free((void *) (uintptr_t) pointer); return OK; }
CUresult cuMemcpyHtoD_v2(uint64_t to, const void *from, size_t size) { memcpy((void *) (uintptr_t) to, from, size); return OK; }
CUresult cuMemcpyDtoH_v2(void *to, uint64_t from, size_t size) { memcpy(to, (const void *) (uintptr_t) from, size); return OK; }

CUresult cuLaunchKernel(void *function, unsigned gx, unsigned gy, unsigned gz, unsigned bx, unsigned by, unsigned bz,
                        unsigned shared, void *stream, void **params, void **extra) {
    if (function != DENSE || gy != 1 || gz != 1 || by != 1 || bz != 1 || extra != NULL) return INVALID_VALUE;
    const float *in = (const float *) (uintptr_t) *(uint64_t *) params[0];
    const float *weights = (const float *) (uintptr_t) *(uint64_t *) params[1];
    const float *bias = (const float *) (uintptr_t) *(uint64_t *) params[2];
    float *out = (float *) (uintptr_t) *(uint64_t *) params[3];
    uint32_t rows = *(uint32_t *) params[4], inputs = *(uint32_t *) params[5];
    uint32_t outputs = *(uint32_t *) params[6], relu = *(uint32_t *) params[7];
    if ((uint64_t) gx * bx < (uint64_t) rows * outputs) return INVALID_VALUE; /* threads must cover every output */
    for (uint32_t index = 0; index < rows * outputs; index++) {
        uint32_t row = index / outputs, col = index % outputs;
        float sum = bias[col];
        for (uint32_t k = 0; k < inputs; k++) sum += in[row * inputs + k] * weights[k * outputs + col];
        out[index] = relu && sum < 0 ? 0 : sum;
    }
    return OK;
}

CUresult cuGetErrorString(CUresult result, const char **text) {
    *text = result == NO_DEVICE ? "no CUDA-capable device is detected" : "fake driver error";
    return OK;
}
