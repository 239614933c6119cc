package dev.berth.runner.doctor;

import dev.berth.runner.container.EngineInfo;

import java.util.Optional;

/// The container engine as the doctor found it, asked once and shared by the checks. Immutable.
public sealed interface EngineState {
    /// It answered: its info, and its data root when it names one.
    record Reachable(EngineInfo info, Optional<String> dataRoot) implements EngineState {}

    /// It did not; `why` is the engine's own explanation (cause and fix).
    record Unreachable(String why) implements EngineState {}
}
