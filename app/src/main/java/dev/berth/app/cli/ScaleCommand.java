package dev.berth.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/// `berth scale explain <dir>`: the running session's latest autoscaler decisions with their reasons and
/// rule readings, from `GET /admin/berth/scale`.
@Command(name = "scale", description = "Inspect the autoscaler of a running session.",
        subcommands = ScaleCommand.Explain.class)
final class ScaleCommand {

    @Command(name = "explain", description = "Print the latest scale decisions and why they were taken.")
    static final class Explain implements Callable<Integer> {
        private static final ObjectMapper JSON = new ObjectMapper();

        @Spec CommandSpec spec;
        @Parameters(index = "0", paramLabel = "DIR", description = "Project folder (with host.json).") Path dir;
        @Option(names = "--last", description = "How many decisions to print (default 10).") int last = 10;
        @Option(names = "--port", description = "Ingress port of the session (default: found in DIR/.berth/run.json).")
        Integer port;

        @Override
        public Integer call() throws InterruptedException {
            var err = spec.commandLine().getErr();
            var ingress = SessionAddress.of(dir, port);
            if (ingress.isEmpty()) {
                err.println(SessionAddress.notRunning(dir, "its autoscaler"));
                return 2;
            }
            var target = URI.create(ingress.get() + "/admin/berth/scale");
            try (var http = HttpClient.newHttpClient()) {
                var response = http.send(HttpRequest.newBuilder(target).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    err.println(response.body());
                    return 2;
                }
                print(JSON.readTree(response.body()), spec.commandLine().getOut());
                return 0;
            } catch (ConnectException e) {
                err.println("Nothing answers at " + ingress.get() + ". Fix: start the project with `./berth run " + dir + "`.");
                return 2;
            } catch (IOException e) {
                err.println("The call to " + target + " failed: " + e.getMessage());
                return 1;
            }
        }

        private void print(JsonNode decisions, PrintWriter out) {
            if (decisions.isEmpty()) {
                out.println("No scale decision yet (the first comes one polling interval after the start, or at the "
                        + "first request while no replica runs).");
            }
            for (int i = Math.max(0, decisions.size() - Math.max(1, last)); i < decisions.size(); i++) {
                var d = decisions.get(i);
                out.println(d.path("at").asText() + "  " + d.path("current").asInt() + " → " + d.path("desired").asInt()
                        + "  " + d.path("reason").asText());
                for (var r : d.path("rules")) {
                    out.println("    " + (r.path("rule").asText().equals(d.path("winner").asText()) ? "* " : "  ")
                            + r.path("rule").asText() + " (" + r.path("type").asText() + "): " + r.path("metric").asDouble()
                            + " / " + r.path("target").asDouble() + " → " + r.path("proposal").asInt()
                            + (r.path("active").asBoolean() ? "" : ", inactive"));
                }
            }
            out.flush();
        }
    }
}
