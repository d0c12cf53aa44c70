package io.reelfm.launcher.compose;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The repository's docker-compose file run under its own project name, through Debian's
 * {@code docker-compose} (1.29) or the {@code docker compose} plugin, whichever is installed.
 * Every call has a deadline and fails with the command's output.
 */
final class Compose {

    record Result(int exitCode, String output) {
    }

    private final Path root;
    private final String project;
    private final Map<String, String> environment;
    private final List<String> command;

    private Compose(Path root, String project, Map<String, String> environment, List<String> command) {
        this.root = root;
        this.project = project;
        this.environment = Map.copyOf(environment);
        this.command = command;
    }

    /** Why the stack cannot run here, or empty when it can. */
    static Optional<String> unavailable() {
        if (run(List.of("docker", "info"), Map.of(), Path.of("."), Duration.ofSeconds(20)).exitCode() != 0) {
            return Optional.of("no Docker engine answers `docker info` (install docker.io and start dockerd)");
        }
        if (composeCommand().isEmpty()) {
            return Optional.of("neither docker-compose nor the docker compose plugin is installed");
        }
        return Optional.empty();
    }

    static Compose of(Path root, String project, Map<String, String> environment) {
        return new Compose(root, project, environment, composeCommand().orElseThrow());
    }

    /** Runs {@code docker-compose -p PROJECT ARGS...} in the repository root; fails unless it exits 0. */
    String ok(Duration timeout, String... args) {
        Result r = compose(timeout, args);
        if (r.exitCode() != 0) {
            throw new AssertionError("docker-compose " + String.join(" ", args) + " exited " + r.exitCode() + ":\n" + tail(r.output()));
        }
        return r.output();
    }

    Result compose(Duration timeout, String... args) {
        List<String> full = new ArrayList<>(command);
        full.addAll(List.of("-p", project));
        full.addAll(List.of(args));
        return run(full, environment, root, timeout);
    }

    /** The container id of a service (its first container). */
    String container(String service) {
        String id = ok(Duration.ofSeconds(30), "ps", "-q", service).strip();
        if (id.isEmpty()) {
            throw new AssertionError("service " + service + " has no container");
        }
        return id.lines().findFirst().orElseThrow();
    }

    /** {@code docker inspect --format FORMAT} of the service's container. */
    String inspect(String service, String format) {
        Result r = run(List.of("docker", "inspect", "--format", format, container(service)), Map.of(), root, Duration.ofSeconds(30));
        return r.exitCode() == 0 ? r.output().strip() : "";
    }

    /** {@code docker ARGS...} (not compose). */
    static Result docker(Duration timeout, String... args) {
        List<String> full = new ArrayList<>(List.of("docker"));
        full.addAll(List.of(args));
        return run(full, Map.of(), Path.of("."), timeout);
    }

    static Result run(List<String> cmd, Map<String, String> env, Path dir, Duration timeout) {
        try {
            Path log = Files.createTempFile("compose-", ".log");
            try {
                ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                        .redirectOutput(log.toFile());
                pb.environment().putAll(env);
                Process p = pb.start();
                if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    p.destroyForcibly();
                    return new Result(-1, "timed out after " + timeout + ": " + String.join(" ", cmd) + "\n"
                            + Files.readString(log, StandardCharsets.UTF_8));
                }
                return new Result(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(log);
            }
        } catch (IOException e) {
            return new Result(-1, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, "interrupted");
        }
    }

    private static Optional<List<String>> composeCommand() {
        if (run(List.of("docker-compose", "version"), Map.of(), Path.of("."), Duration.ofSeconds(20)).exitCode() == 0) {
            return Optional.of(List.of("docker-compose"));
        }
        if (run(List.of("docker", "compose", "version"), Map.of(), Path.of("."), Duration.ofSeconds(20)).exitCode() == 0) {
            return Optional.of(List.of("docker", "compose"));
        }
        return Optional.empty();
    }

    static String tail(String output) {
        List<String> lines = output.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }
}
