package dev.berth.app.ui;

import dev.berth.app.Composition;
import dev.berth.app.ui.fx.CoalescingEventPipe;
import dev.berth.app.ui.fx.FxExecutor;
import dev.berth.app.ui.fx.VirtualThreadTaskExecutor;
import javafx.stage.Stage;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/// Opens the real desktop app (real views, FX executor, virtual-thread task executor and coalescing
/// event pipe, as in production) on a composition for the UI tests, and seeds what the start page reads.
/// Used from the test thread; `launch` hands the window setup to the FX thread through TestFX.
final class AppHarness implements AutoCloseable {
    private VirtualThreadTaskExecutor tasks;

    /// Opens the app at its start page; returns its stage, sized as the app sizes it.
    Stage launch(Composition composition, long pipePeriodMillis) throws Exception {
        return launch(composition, pipePeriodMillis, window -> {});
    }

    /// Opens the app and lets `opened` act on its window on the FX thread before the test goes on.
    Stage launch(Composition composition, long pipePeriodMillis, Consumer<AppWindow> opened) throws Exception {
        var fx = new FxExecutor();
        tasks = new VirtualThreadTaskExecutor(fx);
        var services = new UiServices(tasks, new CoalescingEventPipe(fx, pipePeriodMillis), 0, fx);
        var stage = FxToolkit.setupStage(s -> {
            s.setWidth(AppWindow.WIDTH);
            s.setHeight(AppWindow.HEIGHT);
            opened.accept(DesktopApp.open(s, composition, services));
        });
        WaitForAsyncUtils.waitForFxEvents();
        return stage;
    }

    /// Closes the windows first, so no view still waits on a task when the executor goes.
    @Override
    public void close() throws Exception {
        FxToolkit.cleanupStages();
        if (tasks != null) tasks.close();
    }

    /// A minimal project under `work`: host.json, one function `hello` with no bindings, and `.berth/`.
    static Path helloProject(Path work, String name) throws IOException {
        var dir = Files.createDirectories(work.resolve(name));
        Files.writeString(dir.resolve("host.json"), "{\n  \"version\": \"2.0\"\n}\n");
        Files.createDirectories(dir.resolve("hello"));
        Files.writeString(dir.resolve("hello/function.json"), "{\"bindings\": []}\n");
        Files.createDirectories(dir.resolve(".berth"));
        return dir;
    }

    /// Writes the start page's recent-projects list in `userDir`, newest first.
    static void seedRecent(Path userDir, Path... projects) throws IOException {
        var json = new StringBuilder("{\"projects\": [");
        for (int i = 0; i < projects.length; i++) {
            json.append(i == 0 ? "" : ", ").append('"').append(projects[i]).append('"');
        }
        Files.writeString(userDir.resolve("recent.json"), json.append("]}").toString());
    }
}
