package dev.berth.runner.durable;

/// An instance id within a task hub.
record InstanceKey(String hub, String id) {
    @Override
    public String toString() { return hub + "/" + id; }
}
