package io.reelfm.launcher.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * One {@code reelfm} command in its own JVM, as an operator runs it: the broker and each
 * service are separate processes, so a fault test can kill one with SIGKILL and start it again
 * while the others keep running. Output goes to a log file the test can search.
 */
public final class ServiceProcess implements AutoCloseable {

    private final String name;
    private final List<String> command;
    private final Map<String, String> env;
    private final Path log;
    private Process process;

    private ServiceProcess(String name, List<String> command, Map<String, String> env, Path log) {
        this.name = name;
        this.command = command;
        this.env = env;
        this.log = log;
    }

    /** Starts {@code reelfm <args>} with these extra environment variables, logging to {@code logDir/<name>.log}. */
    static ServiceProcess start(String name, List<String> args, Map<String, String> env, Path logDir) {
        return start(name, List.of("-Xmx512m", "-XX:+UseSerialGC"), args, env, logDir);
    }

    /** As {@link #start(String, List, Map, Path)} with these JVM options (heap size, collector) instead of the small defaults. */
    public static ServiceProcess start(String name, List<String> jvmOptions, List<String> args, Map<String, String> env, Path logDir) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // the vector module whenever the runtime ships it, as the launcher script passes it (the SIMD
        // catalogue scan), whether or not this JVM was started with it
        java.lang.module.ModuleFinder.ofSystem().find("jdk.incubator.vector")
                .ifPresent(m -> cmd.add("--add-modules=" + m.descriptor().name()));
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        cmd.add(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
        cmd.add("io.reelfm.launcher.ReelFm");
        cmd.addAll(args);
        ServiceProcess p = new ServiceProcess(name, List.copyOf(cmd), Map.copyOf(env), logDir.resolve(name + ".log"));
        p.launch();
        return p;
    }

    private void launch() {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().putAll(env);
        try {
            process = pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    /** The JVM's process id (for {@code jcmd}). */
    public long pid() {
        return process.pid();
    }

    /** SIGKILL: no shutdown hook, no graceful close, as a crash or {@code kill -9}. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** The same command again, appending to the same log. */
    public void restart() {
        launch();
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** Waits for the process to end by itself; its exit code, or -1 if it is still running. */
    public int awaitExit(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : -1;
    }

    public String output() {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }

    /** The status of a GET to a local port, or -1 when nothing answered within 3 s. */
    public static int httpStatus(java.net.http.HttpClient http, int port, String path) {
        try {
            return http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + path))
                    .timeout(Duration.ofSeconds(3)).GET().build(), java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (java.io.IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** Ports already handed out: the kernel may return a just-closed ephemeral port again. */
    private static final Set<Integer> ISSUED = ConcurrentHashMap.newKeySet();

    /** A free port not handed out before in this JVM, so two services of one test never share one. */
    public static int freePort() {
        while (true) {
            try (ServerSocket s = new ServerSocket(0)) {
                if (ISSUED.add(s.getLocalPort())) {
                    return s.getLocalPort();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
