package app;

import berth.durable.Durable;
import berth.functions.FunctionHost;

/// Wires the app. The Durable Task worker runs the orchestration and its activity; the function host
/// serves the HTTP starter. Each name is the folder name of the function's function.json.
public final class Main {
    public static void main(String[] args) throws Exception {
        var durable = Durable.fromEnvironment()
                .orchestration("LongJob", new LongJob())
                .activity("ProcessChunk", new ProcessChunk());
        FunctionHost.create()
                .register("HttpStart", new HttpStart(durable.client()))
                .start();
        durable.startWorker();
    }
}
