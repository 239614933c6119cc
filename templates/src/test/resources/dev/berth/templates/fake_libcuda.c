/* A stand-in for the NVIDIA driver's libcuda.so.1, for tests on machines without a GPU. It checks the
 * calls the gpu-inference template makes through ctypes as strictly as the real driver does where a
 * mistake would go unseen on a CPU: the context is current per thread; memory, copies, module loads,
 * launches and synchronisation need one; copies and launches must stay inside live allocations; a
 * launch must have a non-zero grid and at most 1024 threads per block. Device memory is host memory,
 * and the one kernel, dense, runs on the CPU reading its parameters in the order and types
 * model/kernels.ptx declares. Not thread-safe beyond the per-thread context: the backend serialises
 * its calls.
 *
 * Faults to inject, by environment variable:
 *   FAKE_CUDA_INIT_ERROR=<CUresult>       cuInit fails, as a driver without a usable device does;
 *   FAKE_CUDA_SET_FLAGS_ERROR=<CUresult>  cuDevicePrimaryCtxSetFlags_v2 fails;
 *   FAKE_CUDA_MODULE_FAIL=1               cuModuleLoadDataEx fails as on PTX the driver cannot compile;
 *   FAKE_CUDA_OOM_AT_ALLOC=<n>            the n-th cuMemAlloc_v2 (from 1) fails with out of memory;
 *   FAKE_CUDA_SYNC_ERROR=<CUresult>       cuCtxSynchronize fails, as after a kernel fault; like the real
 *                                         driver's, the error is sticky: every later call returns it.
 * FAKE_CUDA_REPORT=<file> makes the library write, at process exit, what was left behind:
 *   "retains=R releases=L live_allocations=A flags=F" (F: the primary context's flags). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef int CUresult;
enum {
    OK = 0, INVALID_VALUE = 1, OUT_OF_MEMORY = 2, NOT_INITIALIZED = 3, NO_DEVICE = 100, INVALID_CONTEXT = 201,
    INVALID_PTX = 218, NOT_FOUND = 500, ILLEGAL_ADDRESS = 700
};
enum { MAX_ALLOCATIONS = 64, MAX_THREADS_PER_BLOCK = 1024, JIT_ERROR_LOG_BUFFER = 5 };
static void *const CONTEXT = (void *) 0x100, *const MODULE = (void *) 0x200, *const DENSE = (void *) 0x300;

static int initialized, retains, releases, allocs_made, sticky;
static unsigned primary_flags;
static __thread void *current;
static struct { uintptr_t base; size_t size; } live[MAX_ALLOCATIONS];

static int env_int(const char *name) {
    const char *value = getenv(name);
    return value == NULL ? 0 : atoi(value);
}

/* What a call that works in the current context returns before doing anything. */
static CUresult in_context(void) {
    if (sticky) return sticky;
    return current == CONTEXT && retains > releases ? OK : INVALID_CONTEXT;
}

static int live_count(void) {
    int count = 0;
    for (int i = 0; i < MAX_ALLOCATIONS; i++) count += live[i].base != 0;
    return count;
}

/* Whether [pointer, pointer + size) lies inside one live allocation. */
static int is_live(uint64_t pointer, size_t size) {
    for (int i = 0; i < MAX_ALLOCATIONS; i++) {
        if (live[i].base != 0 && pointer >= live[i].base && pointer + size <= live[i].base + live[i].size) return 1;
    }
    return 0;
}

__attribute__((destructor)) static void report(void) {
    const char *path = getenv("FAKE_CUDA_REPORT");
    FILE *f = path == NULL ? NULL : fopen(path, "w");
    if (f == NULL) return;
    fprintf(f, "retains=%d releases=%d live_allocations=%d flags=%u\n", retains, releases, live_count(), primary_flags);
    fclose(f);
}

CUresult cuInit(unsigned flags) {
    if (flags != 0) return INVALID_VALUE;
    if (getenv("FAKE_CUDA_INIT_ERROR") != NULL) return env_int("FAKE_CUDA_INIT_ERROR");
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

CUresult cuDevicePrimaryCtxSetFlags_v2(int device, unsigned flags) {
    if (device != 0) return INVALID_VALUE;
    if (env_int("FAKE_CUDA_SET_FLAGS_ERROR") != 0) return env_int("FAKE_CUDA_SET_FLAGS_ERROR");
    primary_flags = flags;
    return OK;
}

CUresult cuDevicePrimaryCtxRetain(void **context, int device) {
    if (device != 0) return INVALID_VALUE;
    retains++;
    *context = CONTEXT;
    return OK;
}

CUresult cuDevicePrimaryCtxRelease_v2(int device) {
    if (device != 0) return INVALID_VALUE;
    if (retains == releases) return INVALID_CONTEXT;
    releases++;
    return OK;
}

CUresult cuCtxSetCurrent(void *context) {
    if (context != NULL && (context != CONTEXT || retains == releases)) return INVALID_CONTEXT;
    current = context;
    return OK;
}

CUresult cuCtxSynchronize(void) {
    CUresult state = in_context();
    if (state != OK) return state;
    sticky = env_int("FAKE_CUDA_SYNC_ERROR");
    return sticky;
}

CUresult cuModuleLoadDataEx(void **module, const void *image, unsigned count, int *options, void **values) {
    CUresult state = in_context();
    if (state != OK) return state;
    if (env_int("FAKE_CUDA_MODULE_FAIL") || strstr((const char *) image, ".visible .entry dense(") == NULL) {
        for (unsigned i = 0; i < count; i++) {
            if (options[i] == JIT_ERROR_LOG_BUFFER) strcpy((char *) values[i], "fake ptxas: no entry dense");
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

CUresult cuMemAlloc_v2(uint64_t *pointer, size_t size) {
    CUresult state = in_context();
    if (state != OK) return state;
    if (size == 0) return INVALID_VALUE;
    if (++allocs_made == env_int("FAKE_CUDA_OOM_AT_ALLOC")) return OUT_OF_MEMORY;
    for (int i = 0; i < MAX_ALLOCATIONS; i++) {
        if (live[i].base == 0) {
            live[i].base = (uintptr_t) malloc(size);
            live[i].size = size;
            *pointer = live[i].base;
            return OK;
        }
    }
    return OUT_OF_MEMORY;
}

CUresult cuMemFree_v2(uint64_t pointer) {
    CUresult state = in_context();
    if (state != OK) return state;
    for (int i = 0; i < MAX_ALLOCATIONS; i++) {
        if (live[i].base == pointer && pointer != 0) {
            free((void *) live[i].base);
            live[i].base = 0;
            return OK;
        }
    }
    return INVALID_VALUE;
}

CUresult cuMemcpyHtoD_v2(uint64_t to, const void *from, size_t size) {
    CUresult state = in_context();
    if (state != OK) return state;
    if (!is_live(to, size)) return INVALID_VALUE;
    memcpy((void *) (uintptr_t) to, from, size);
    return OK;
}

CUresult cuMemcpyDtoH_v2(void *to, uint64_t from, size_t size) {
    CUresult state = in_context();
    if (state != OK) return state;
    if (!is_live(from, size)) return INVALID_VALUE;
    memcpy(to, (const void *) (uintptr_t) from, size);
    return OK;
}

CUresult cuLaunchKernel(void *function, unsigned gx, unsigned gy, unsigned gz, unsigned bx, unsigned by, unsigned bz,
                        unsigned shared, void *stream, void **params, void **extra) {
    CUresult state = in_context();
    if (state != OK) return state;
    if (function != DENSE || extra != NULL || gx == 0 || gy == 0 || gz == 0 || bx == 0 || by == 0 || bz == 0
        || (uint64_t) bx * by * bz > MAX_THREADS_PER_BLOCK) return INVALID_VALUE;
    uint64_t in_at = *(uint64_t *) params[0], weights_at = *(uint64_t *) params[1];
    uint64_t bias_at = *(uint64_t *) params[2], out_at = *(uint64_t *) params[3];
    uint32_t rows = *(uint32_t *) params[4], inputs = *(uint32_t *) params[5];
    uint32_t outputs = *(uint32_t *) params[6], relu = *(uint32_t *) params[7];
    /* The kernel indexes one dimension: threads must cover every output, along x. */
    if (gy != 1 || gz != 1 || by != 1 || bz != 1 || (uint64_t) gx * bx < (uint64_t) rows * outputs) return INVALID_VALUE;
    if (!is_live(in_at, (size_t) rows * inputs * 4) || !is_live(weights_at, (size_t) inputs * outputs * 4)
        || !is_live(bias_at, (size_t) outputs * 4) || !is_live(out_at, (size_t) rows * outputs * 4)) {
        sticky = ILLEGAL_ADDRESS; /* a GPU reports it later, at synchronisation; it poisons the context */
        return sticky;
    }
    const float *in = (const float *) (uintptr_t) in_at, *weights = (const float *) (uintptr_t) weights_at;
    const float *bias = (const float *) (uintptr_t) bias_at;
    float *out = (float *) (uintptr_t) out_at;
    for (uint32_t index = 0; index < rows * outputs; index++) {
        uint32_t row = index / outputs, col = index % outputs;
        float sum = bias[col];
        for (uint32_t k = 0; k < inputs; k++) sum += in[row * inputs + k] * weights[k * outputs + col];
        out[index] = relu && sum < 0 ? 0 : sum;
    }
    return OK;
}

CUresult cuGetErrorString(CUresult result, const char **text) {
    switch (result) {
        case OUT_OF_MEMORY: *text = "out of memory"; break;
        case NO_DEVICE: *text = "no CUDA-capable device is detected"; break;
        case INVALID_CONTEXT: *text = "invalid device context"; break;
        case ILLEGAL_ADDRESS: *text = "an illegal memory access was encountered"; break;
        default: *text = "fake driver error";
    }
    return OK;
}
