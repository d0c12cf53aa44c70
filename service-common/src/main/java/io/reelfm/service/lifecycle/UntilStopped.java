package io.reelfm.service.lifecycle;

import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a started service in the foreground until the JVM is asked to stop (SIGTERM in a
 * container, Ctrl-C in a terminal), then closes it from a shutdown hook and returns: the one
 * way every standalone {@code main} and the launcher's single-service commands end.
 */
public final class UntilStopped {

    private static final Logger log = LoggerFactory.getLogger(UntilStopped.class);

    private UntilStopped() {
    }

    /** Waits for shutdown, then closes {@code service}, logging a failure to close. */
    public static void run(String name, AutoCloseable service) throws InterruptedException {
        run(name, service, e -> log.error("Stopping {} failed", name, e));
    }

    /**
     * Waits for shutdown, then closes {@code service}.
     *
     * @param name names the shutdown-hook thread ({@code <name>-shutdown})
     * @param closeFailed told when closing throws; the wait ends either way
     */
    public static void run(String name, AutoCloseable service, Consumer<Exception> closeFailed) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(closing(service, closeFailed, stopped), name + "-shutdown"));
        stopped.await();
    }

    /** What the shutdown hook runs: close, report a failure, and always release the waiting thread. */
    static Runnable closing(AutoCloseable service, Consumer<Exception> closeFailed, CountDownLatch stopped) {
        return () -> {
            try {
                service.close();
            } catch (Exception e) {
                closeFailed.accept(e);
            } finally {
                stopped.countDown();
            }
        };
    }
}
