package dev.berth.runner.gpu;

/// `nvidia-smi` could not be run or read; the message says which and what it printed.
public final class GpuMeterException extends Exception {
    public GpuMeterException(String message) { super(message); }
}
