/// Embedded durable queues with Azure Storage queue semantics, and the queue trigger's delivery loop.
///
/// How the pieces are wired (by the composition root, not here):
/// - one [dev.berth.runner.queue.QueueStore] per open project, on `.berth/berth.db`, shared by the queue
///   trigger, queue output bindings, the CLI (`berth queue list|put|peek|redrive`) and the queue explorer;
/// - one [dev.berth.runner.queue.QueueTriggerPump] per function with a `queueTrigger` binding, built from
///   `host.json` `extensions.queues` ([dev.berth.runner.queue.QueueSettings#of]) and a
///   [dev.berth.runner.queue.MessageHandler] that invokes the function on a replica and answers its outcome;
/// - the explorer polls [dev.berth.runner.queue.QueueStore#counts()] and calls
///   [dev.berth.runner.queue.QueueStore#redrive] on a `-poison` queue; the autoscaler's `queue` rule reads
///   `QueueCounts.total()` as its queueLength.
///
/// Errors a user can cause are [dev.berth.runner.queue.QueueException]s with an Azure error code.
package dev.berth.runner.queue;
