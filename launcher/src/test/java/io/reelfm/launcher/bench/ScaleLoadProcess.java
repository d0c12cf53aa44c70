package io.reelfm.launcher.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@link ScaleLoad} in a JVM of its own, so the generator's threads and garbage do not share a
 * heap or a safepoint with anything it measures; its output goes to {@code <dir>/<name>.log}.
 */
final class ScaleLoadProcess {

    private final Process process;
    private final Path log;

    /** When the measured phase was first seen ({@link System#nanoTime}), -1 before. */
    private long measuringSince = -1;

    private ScaleLoadProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** The run's configured rate, measured seconds and warm-up (system properties {@code rate}, {@code seconds}, {@code warmup}). */
    static ScaleLoadProcess start(Path dir, String name, List<Integer> ports, int users) throws IOException {
        return start(dir, name, ports, users, Integer.getInteger("seconds", 60), Integer.getInteger("warmup", 60));
    }

    static ScaleLoadProcess start(Path dir, String name, List<Integer> ports, int users, int seconds, int warmUp) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m"));
        cmd.addAll(ScaleRun.jvmOptions("loadJvm"));
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), ScaleLoad.class.getName(),
                ports.stream().map(String::valueOf).collect(Collectors.joining(",")),
                String.valueOf(Integer.getInteger("rate", 500)), String.valueOf(seconds), String.valueOf(users), String.valueOf(warmUp)));
        Path log = dir.resolve(name + ".log");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new ScaleLoadProcess(p, log);
    }

    long pid() {
        return process.pid();
    }

    /**
     * Seconds since the generator's measured phase began (its {@link ScaleLoad#MEASURING} line),
     * or -1 while it is still warming up: a runner polls this to act at a point of the measured load.
     */
    double secondsMeasuring() throws IOException {
        if (measuringSince < 0 && Files.readAllLines(log, StandardCharsets.UTF_8).contains(ScaleLoad.MEASURING)) {
            measuringSince = System.nanoTime();
        }
        return measuringSince < 0 ? -1 : (System.nanoTime() - measuringSince) / 1e9;
    }

    /** Waits for the generator to finish; its {@code RESULT} line, or what it printed when there is none. */
    String awaitResult() throws IOException, InterruptedException {
        process.waitFor();
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return lines.stream().filter(l -> l.startsWith("RESULT")).findFirst()
                .orElse("load generator exited " + process.exitValue() + " without a result: " + String.join("\n", lines));
    }
}
