package io.reelfm.service.lifecycle;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The single daemon thread a service runs a periodic check on (Kafka reachability, input lag),
 * named so thread dumps say what it is, and never keeping the JVM alive on its own.
 */
public final class BackgroundProbe {

    private BackgroundProbe() {
    }

    public static ScheduledExecutorService thread(String name) {
        return Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }
}
