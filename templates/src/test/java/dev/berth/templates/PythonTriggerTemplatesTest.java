package dev.berth.templates;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/// The scaffolded timer, queue, blob and Event Grid Python apps, run with the host's python3 as their
/// Dockerfile runs them.
class PythonTriggerTemplatesTest extends TriggerTemplateContract {
    @Override
    String language() { return "python"; }

    @Override
    HandlerProcess startHandler(Path project) throws Exception {
        return HandlerProcess.start(List.of("python3", "-u", "handler.py"), project, Map.of());
    }

    @Override
    HandlerProcess startProbeHandler(Path project) throws Exception {
        Files.writeString(project.resolve("probe.py"), """
                from handler import app

                @app.function("echo")
                def echo(msg, ctx):
                    ctx.log("id %s, method %s, extra %s"
                            % (ctx.metadata["Id"], ctx.metadata["sys"]["MethodName"], ctx.inputs["extra"]))
                    return {"got": msg}

                @app.function("stray")
                def stray(msg, ctx):
                    ctx.outputs["nowhere"] = msg

                app.run()
                """);
        return HandlerProcess.start(List.of("python3", "-u", "probe.py"), project, Map.of());
    }
}
