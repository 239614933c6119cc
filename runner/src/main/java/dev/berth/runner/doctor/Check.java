package dev.berth.runner.doctor;

import java.util.List;

/// One area the doctor looks at; it may report several findings (one per port, per image). Checks
/// block (engine calls, host programs with timeouts) and are called on a background thread.
@FunctionalInterface
public interface Check {
    List<Finding> run(EngineState engine);

    /// The finding for a check that needs the engine when it did not answer.
    static Finding skipped(String name) {
        return Finding.info(name, "not checked: Docker is not reachable", "");
    }
}
