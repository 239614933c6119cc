package dev.berth.runner.revision;

/// Where a revision stands: PROVISIONING (built, no replica ready yet), RUNNING (active, a replica was
/// ready), FAILED (its build or start failed; it never served), INACTIVE (deactivated or retired).
public enum RevisionState { PROVISIONING, RUNNING, FAILED, INACTIVE }
