package dev.berth.app.ui;

import dev.berth.app.ui.fx.EventPipe;
import dev.berth.app.ui.fx.TaskExecutor;

import java.util.concurrent.Executor;

/// The threading pieces of the desktop UI and the ingress port to run on, chosen by `DesktopApp` (real
/// executors, port 7071) or by a UI test. `fx` is the application's `FxExecutor` (for widgets such as the
/// code editor that hand results to the FX thread themselves). Immutable.
public record UiServices(TaskExecutor tasks, EventPipe events, int ingressPort, Executor fx) {}
