package io.reelfm.service.http;

import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * The HTTP shell every ReelFM service runs in: a Javalin server with the shared JSON mapper,
 * one error mapper ({@link ApiException}, Javalin's own HTTP errors (405 with {@code Allow})
 * and Jetty's (bad or over-long URIs) become {@link ErrorBody} JSON; anything else a logged 500), {@code GET /health/live},
 * {@code GET /health/ready}, {@code GET /metrics} in Prometheus text format, a latency timer
 * per route, and a graceful stop that lets in-flight requests finish.
 *
 * <p>Services add only their own resources through the {@code routes} callback, so no service
 * re-implements the plumbing or answers errors in a different shape.
 */
public final class ServiceApp implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ServiceApp.class);
    private static final String START_NANOS = "reelfm.startNanos";
    /** Histogram buckets of the request timer, for latency quantiles in Prometheus (a dozen per route and status). */
    private static final java.time.Duration[] LATENCY_BUCKETS = java.util.stream.LongStream.of(1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000)
            .mapToObj(java.time.Duration::ofMillis).toArray(java.time.Duration[]::new);
    static final String PROMETHEUS_CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final ServiceAppConfig config;
    private final Javalin app;
    private final PrometheusMeterRegistry registry;
    private boolean started;
    private boolean stopped;

    private ServiceApp(ServiceAppConfig config, Javalin app, PrometheusMeterRegistry registry) {
        this.config = config;
        this.app = app;
        this.registry = registry;
    }

    /**
     * Builds (does not start) the server.
     *
     * @param readiness checked on each {@code GET /health/ready}
     * @param registry  where the service's own meters live; exposed on {@code /metrics}
     * @param routes    registers the service's resources
     */
    public static ServiceApp create(ServiceAppConfig config, Readiness readiness, PrometheusMeterRegistry registry,
                                    Consumer<Javalin> routes) {
        return create(config, Readiness.Status::up, readiness, registry, routes);
    }

    /**
     * As {@link #create(ServiceAppConfig, Readiness, PrometheusMeterRegistry, Consumer)}, with a
     * liveness check: {@code /health/live} fails when it does, so an orchestrator restarts a
     * process that is up but can no longer recover by itself.
     */
    public static ServiceApp create(ServiceAppConfig config, Readiness liveness, Readiness readiness,
                                    PrometheusMeterRegistry registry, Consumer<Javalin> routes) {
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        Javalin app = Javalin.create(c -> {
            c.showJavalinBanner = false;
            c.startupWatcherEnabled = false;
            c.http.maxRequestSize = config.maxRequestBytes();
            c.jsonMapper(new JavalinJackson(Json.mapper(), false));
            c.http.prefer405over404 = true;
            c.jetty.modifyServer(server -> {
                server.setStopTimeout(config.stopTimeout().toMillis());
                server.setErrorHandler(new JsonErrorHandler());
            });
            c.jetty.modifyServletContextHandler(handler -> handler.setErrorHandler(new JsonErrorHandler()));
        });
        installErrorMapping(app);
        installRequestTimer(app, config.name(), registry);
        new HealthResource(liveness, readiness).register(app);
        app.get("/metrics", ctx -> ctx.contentType(PROMETHEUS_CONTENT_TYPE).result(registry.scrape()));
        routes.accept(app);
        return new ServiceApp(config, app, registry);
    }

    private static void installErrorMapping(Javalin app) {
        app.exception(ApiException.class, ServiceApp::answer);
        app.exception(HttpResponseException.class, (e, ctx) -> {
            if (e.getStatus() == 405) {
                // Javalin lists the path's methods in its details; HTTP says they belong in Allow.
                String allowed = e.getDetails().getOrDefault("availableMethods", "");
                ctx.header("Allow", allowed.replace("[", "").replace("]", ""));
                ctx.status(405).json(new ErrorBody(ctx.method().name() + " is not allowed on " + Echo.truncate(ctx.path())
                        + (allowed.isEmpty() ? "" : "; allowed: " + allowed.replace("[", "").replace("]", "")), null));
                return;
            }
            e.getDetails().forEach(ctx::header);
            ctx.status(e.getStatus()).json(new ErrorBody(Echo.message(e.getMessage()), null));
        });
        app.exception(Exception.class, (e, ctx) -> {
            log.error("{} {} failed", ctx.method(), ctx.path(), e);
            ctx.status(500).json(new ErrorBody("internal error", null));
        });
    }

    /**
     * Answers {@code e} as JSON with its status and headers, logging a 5xx at WARN unless it is
     * {@linkplain ApiException#expected() expected}. The mapper of {@link ApiException} uses it; a
     * service may too, to answer an exception type it cannot make throw {@link ApiException}
     * (one a library throws) in the same shape.
     */
    public static void answer(ApiException e, Context ctx) {
        if (e.expected()) {
            log.debug("{} {} -> {}: {}", ctx.method(), ctx.path(), e.status(), e.getMessage());
        } else if (e.status() >= 500) {
            log.warn("{} {} -> {}: {}", ctx.method(), ctx.path(), e.status(), e.getMessage());
            log.debug("Cause of {} on {} {}", e.status(), ctx.method(), ctx.path(), e.getCause());
        }
        e.headers().forEach(ctx::header);
        ctx.status(e.status()).json(new ErrorBody(Echo.message(e.getMessage()), e.problems()));
    }

    private static void installRequestTimer(Javalin app, String service, PrometheusMeterRegistry registry) {
        app.before(ctx -> ctx.attribute(START_NANOS, System.nanoTime()));
        app.after(ctx -> {
            Long start = ctx.attribute(START_NANOS);
            if (start != null) {
                Timer.builder("http.server.requests")
                        .description("HTTP requests by route and status")
                        .tags("service", service, "method", ctx.method().name(), "route", route(ctx),
                                "status", String.valueOf(ctx.statusCode()))
                        .serviceLevelObjectives(LATENCY_BUCKETS)
                        .register(registry)
                        .record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            }
        });
    }

    private static String route(Context ctx) {
        String matched = ctx.endpointHandlerPath();
        return matched == null || matched.isEmpty() || "*".equals(matched) ? "unmatched" : matched;
    }

    public synchronized ServiceApp start() {
        if (stopped) {
            throw new IllegalStateException(config.name() + " was stopped and cannot be restarted");
        }
        if (!started) {
            try {
                app.start(config.host(), config.port());
            } catch (Exception e) {
                // Javalin may rethrow Jetty's checked exceptions undeclared, hence Exception.
                if (portTaken(e) || portTaken(config.host(), config.port())) {
                    throw new IllegalStateException(config.name() + " cannot listen on port " + config.port()
                            + ": it is already in use by another process; stop that process or choose another port", e);
                }
                throw e instanceof RuntimeException re ? re : new IllegalStateException(config.name() + " failed to start: " + e, e);
            }
            started = true;
            log.info("{} listening on port {}", config.name(), port());
        }
        return this;
    }

    private static boolean portTaken(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.BindException || (t.getMessage() != null && t.getMessage().contains("Port already in use"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Jetty reports a failed bind as a bare "STOPPED" state error, the bind exception only logged;
     * so after a failed start, try binding the port here to tell whether that was the cause.
     */
    private static boolean portTaken(String host, int port) {
        if (port == 0) {
            return false;
        }
        try (java.net.ServerSocket probe = new java.net.ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new java.net.InetSocketAddress(host, port));
            return false;
        } catch (java.io.IOException e) {
            return true;
        }
    }

    /** The bound port; differs from the configured one when that was 0. */
    public int port() {
        return app.port();
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    /** Stops accepting requests and waits up to the stop timeout for in-flight ones. Idempotent. */
    @Override
    public synchronized void close() {
        if (stopped) {
            return;
        }
        stopped = true;
        if (started) {
            app.stop();
            log.info("{} stopped", config.name());
        }
    }
}
