package io.reelfm.launcher.service;

import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;

/**
 * Keeps one service running in the foreground until the JVM is asked to stop (SIGTERM in a
 * container, Ctrl-C in a terminal), then closes it.
 */
final class ServiceRunner {

    private ServiceRunner() {
    }

    static int runUntilStopped(String name, AutoCloseable service, String url, PrintWriter out) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                service.close();
            } catch (Exception e) {
                out.println("Stopping " + name + " failed: " + e.getMessage());
            }
            stopped.countDown();
        }, name + "-shutdown"));
        out.println(name + " running at " + url + " (Ctrl-C or SIGTERM stops it)");
        out.flush();
        stopped.await();
        return 0;
    }
}
