package dev.berth.app.cli;

import dev.berth.runner.session.RunSession;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class StopOnExitTest {
    private final AtomicInteger closed = new AtomicInteger();
    private final RunSession session = (RunSession) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {RunSession.class}, (proxy, method, args) -> {
                if (method.getName().equals("close")) closed.incrementAndGet();
                return null;
            });

    @Test
    void ctrlCDuringTheStart_closesTheSessionOnceTheStartReturns() throws Exception {
        var stop = new StopOnExit();
        var hook = Thread.ofPlatform().start(stop);

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!stop.exiting()) {
            assertThat(System.nanoTime()).as("the hook began").isLessThan(deadline);
            Thread.onSpinWait();
        }
        // The hook waits for the start, which cannot be cancelled: nothing is closed before it returns.
        assertThat(hook.isAlive()).isTrue();
        assertThat(closed).hasValue(0);

        stop.started(session);

        assertThat(hook.join(java.time.Duration.ofSeconds(5))).isTrue();
        assertThat(closed).hasValue(1);
        stop.awaitStopped();
    }

    @Test
    void ctrlCAfterAFailedStart_endsWithNothingToClose() throws Exception {
        var stop = new StopOnExit();
        stop.failed();

        var hook = Thread.ofPlatform().start(stop);

        assertThat(hook.join(java.time.Duration.ofSeconds(5))).isTrue();
        assertThat(closed).hasValue(0);
    }

    @Test
    void ctrlCWhileServing_closesTheSessionAndReleasesTheCommand() throws Exception {
        var stop = new StopOnExit();
        stop.started(session);
        assertThat(stop.exiting()).isFalse();

        Thread.ofPlatform().start(stop);

        var released = new java.util.concurrent.CountDownLatch(1);
        Thread.ofVirtual().start(() -> {
            try {
                stop.awaitStopped();
                released.countDown();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertThat(released.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(closed).hasValue(1);
    }
}
