package io.reelfm.launcher.bench;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * CPU time each process of a run used over one phase, as the operating system counts it
 * ({@link ProcessHandle.Info#totalCpuDuration}): on a machine whose cores the broker, the
 * trainer, the instances and the load generator share, it tells which of them the cores went to.
 */
final class CpuShares {

    private final Map<String, Long> pids;
    private final Map<String, Duration> before = new LinkedHashMap<>();
    private final long start = System.nanoTime();

    private CpuShares(Map<String, Long> pids) {
        this.pids = Map.copyOf(pids);
        pids.forEach((name, pid) -> before.put(name, cpu(pid)));
    }

    /** Starts counting for these processes (name to process id). */
    static CpuShares start(Map<String, Long> pids) {
        return new CpuShares(new LinkedHashMap<>(pids));
    }

    /** The {@link #report} taken {@code after} from now, while the processes still run. */
    java.util.concurrent.CompletableFuture<String> reportAfter(Duration after) {
        return java.util.concurrent.CompletableFuture.supplyAsync(this::report, java.util.concurrent.CompletableFuture
                .delayedExecutor(after.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS));
    }

    /** Each process's CPU seconds since the start and the cores that makes on average, with the total. */
    String report() {
        double wall = (System.nanoTime() - start) / 1e9;
        StringBuilder out = new StringBuilder();
        double total = 0;
        for (Map.Entry<String, Duration> e : before.entrySet()) {
            Duration now = cpu(pids.get(e.getKey()));
            if (now == null || e.getValue() == null) {
                out.append(e.getKey()).append(" not running, ");
                continue;
            }
            double used = (now.toNanos() - e.getValue().toNanos()) / 1e9;
            total += used;
            out.append(String.format(Locale.ROOT, "%s %.1f s (%.2f cores), ", e.getKey(), used, used / wall));
        }
        return String.format(Locale.ROOT, "CPU over %.0f s: %stotal %.2f cores", wall, out, total / wall);
    }

    /** Null for a process that has exited (its time can no longer be read). */
    private static Duration cpu(long pid) {
        return ProcessHandle.of(pid).flatMap(h -> h.info().totalCpuDuration()).orElse(null);
    }
}
