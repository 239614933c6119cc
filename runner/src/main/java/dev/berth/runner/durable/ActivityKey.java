package dev.berth.runner.durable;

/// An activity by the instance that scheduled it and its task id (what a completion names).
record ActivityKey(InstanceKey instance, int taskId) {
}
