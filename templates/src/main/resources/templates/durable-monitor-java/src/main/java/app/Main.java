package app;

import berth.durable.Durable;
import berth.functions.FunctionHost;

/// Wires the app. The Durable Task worker runs the orchestration and its activities; the function host
/// serves the HTTP starter. Each name is the folder name of the function's function.json.
public final class Main {
    public static void main(String[] args) throws Exception {
        var durable = Durable.fromEnvironment()
                .orchestration("MonitorJob", new MonitorJob())
                .activity("CheckJob", new CheckJob())
                .activity("SendAlert", new SendAlert());
        FunctionHost.create()
                .register("HttpStart", new HttpStart(durable.client()))
                .start();
        durable.startWorker();
    }
}
