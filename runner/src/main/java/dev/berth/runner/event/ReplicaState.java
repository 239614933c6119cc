package dev.berth.runner.event;

/// Lifecycle of one replica. A replica only takes requests while READY.
public enum ReplicaState { STARTING, READY, CRASHED, RESTARTING, STOPPING, STOPPED, FAILED }
