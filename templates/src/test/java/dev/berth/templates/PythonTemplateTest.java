package dev.berth.templates;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;

/// The scaffolded http-python app, run with the host's python3 exactly as its Dockerfile runs it.
class PythonTemplateTest extends HandlerTemplateContract {

    @Override
    HandlerProcess startHandler() throws Exception {
        project = new Scaffolder().scaffold(TemplateCatalog.builtIn().find("http-python").orElseThrow(),
                dir.resolve("app"), "py-app");
        return HandlerProcess.start(List.of("python3", "-u", "handler.py"), project, Map.of("GREETING", "Howdy"));
    }

    @Override
    HandlerProcess startFailingHandler() throws Exception {
        Files.writeString(project.resolve("boom_app.py"), """
                from handler import app

                @app.function("boom")
                def boom(req, log):
                    log("about to fail")
                    raise RuntimeError("kaboom")

                app.run()
                """);
        return HandlerProcess.start(List.of("python3", "-u", "boom_app.py"), project, Map.of());
    }

    @Override
    String failureLog() { return "Function 'boom' failed: RuntimeError: kaboom"; }

    @Override
    String malformedJsonLog() { return "invocation payload is not valid JSON"; }

    @Override
    String knownFunctionsListing() { return "known: hello"; }

    @Override
    String routeName() { return "Linus"; }
}
