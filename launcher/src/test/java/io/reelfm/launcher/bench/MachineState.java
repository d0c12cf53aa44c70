package io.reelfm.launcher.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * One line on the machine a run is measured on: cores, load average, and whether the kernel's
 * DAMON monitors are running. On the reference machine one runs proactive reclaim, a kernel thread
 * that wakes every half second and holds a core for about 40 ms: most requests over 10 ms fell in
 * its windows (docs/benchmarks.md), so a latency figure means little without this line beside it.
 */
final class MachineState {

    private static final Path DAMON = Path.of("/sys/kernel/mm/damon/admin/kdamonds");

    private MachineState() {
    }

    static String describe() {
        return String.format("machine: %d cores, load average %s, %s", Runtime.getRuntime().availableProcessors(),
                read(Path.of("/proc/loadavg")).split(" ")[0], damon());
    }

    /** The DAMON monitors by state and sampling interval, or that there are none. */
    static String damon() {
        if (!Files.isDirectory(DAMON)) {
            return "no kernel DAMON monitor";
        }
        List<String> monitors = new ArrayList<>();
        try (Stream<Path> all = Files.list(DAMON)) {
            for (Path k : all.filter(Files::isDirectory).sorted().toList()) {
                String state = read(k.resolve("state"));
                String sample = read(k.resolve("contexts/0/monitoring_attrs/intervals/sample_us"));
                monitors.add("kdamond " + k.getFileName() + " " + state
                        + (sample.isEmpty() ? "" : " (samples every " + Long.parseLong(sample) / 1000 + " ms)"));
            }
        } catch (IOException | NumberFormatException e) {
            return "kernel DAMON monitors unreadable: " + e.getMessage();
        }
        return monitors.isEmpty() ? "no kernel DAMON monitor" : "kernel DAMON: " + String.join(", ", monitors);
    }

    private static String read(Path p) {
        try {
            return Files.readString(p).trim();
        } catch (IOException e) {
            return "";
        }
    }
}
