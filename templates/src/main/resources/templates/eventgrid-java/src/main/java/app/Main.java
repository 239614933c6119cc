package app;

import berth.functions.FunctionHost;

/// Registers the app's functions under their function.json folder names and serves them.
public final class Main {
    public static void main(String[] args) throws Exception {
        FunctionHost.create()
                .registerTrigger("log_event", new LogEvent())
                .start();
    }
}
