package io.reelfm.service.http;

import java.util.LinkedHashMap;
import java.util.Map;

import io.javalin.Javalin;
import io.javalin.http.Context;

/**
 * Liveness ("the process answers") and readiness ("it can do its job now") kept apart, so an
 * orchestrator restarts a hung process but only stops routing traffic to one whose dependency
 * is down.
 */
final class HealthResource {

    private final Readiness liveness;
    private final Readiness readiness;

    HealthResource(Readiness liveness, Readiness readiness) {
        this.liveness = liveness;
        this.readiness = readiness;
    }

    void register(Javalin app) {
        app.get("/health/live", ctx -> answer(ctx, liveness));
        app.get("/health/ready", ctx -> answer(ctx, readiness));
    }

    private static void answer(Context ctx, Readiness check) {
        Readiness.Status status;
        try {
            status = check.check();
        } catch (RuntimeException e) {
            status = Readiness.Status.down(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        Map<String, String> body = new LinkedHashMap<>();
        body.put("status", status.ready() ? "UP" : "DOWN");
        body.put("detail", status.detail());
        ctx.status(status.ready() ? 200 : 503).json(body);
    }
}
