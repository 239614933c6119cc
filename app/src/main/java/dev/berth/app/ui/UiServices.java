package dev.berth.app.ui;

import dev.berth.app.ui.fx.EventPipe;
import dev.berth.app.ui.fx.TaskExecutor;

/// The threading pieces of the desktop UI and the ingress port to run on, chosen by `DesktopApp` (real
/// executors, port 7071) or by a UI test. Immutable.
public record UiServices(TaskExecutor tasks, EventPipe events, int ingressPort) {}
