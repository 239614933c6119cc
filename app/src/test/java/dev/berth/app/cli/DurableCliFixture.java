package dev.berth.app.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/// What the `berth durable` command tests share: a project folder whose session is a [DurableSessionStub],
/// and running `berth durable …` in-process. One test thread.
abstract class DurableCliFixture {
    @TempDir Path project;
    final InProcessCli cli = new InProcessCli();
    DurableSessionStub session;

    @BeforeEach
    void startSession() throws Exception {
        session = new DurableSessionStub(project);
    }

    @AfterEach
    void stopSession() {
        session.close();
    }

    /// Runs `berth durable` with `args`; answers the exit code ([InProcessCli] keeps what it printed).
    int berth(String... args) {
        var all = new String[args.length + 1];
        all[0] = "durable";
        System.arraycopy(args, 0, all, 1, args.length);
        return cli.run(all);
    }
}
