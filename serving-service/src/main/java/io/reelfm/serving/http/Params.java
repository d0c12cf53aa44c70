package io.reelfm.serving.http;

import java.util.List;
import java.util.Optional;

import io.javalin.http.Context;
import io.reelfm.service.http.ApiException;
import io.reelfm.service.http.Echo;
import io.reelfm.service.validation.Problem;

/** Query-parameter parsing that answers 400 naming the parameter, for every resource. */
public final class Params {

    private Params() {
    }

    public static Optional<Integer> optionalInt(Context ctx, String name, int min, int max) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        try {
            int v = Integer.parseInt(raw.trim());
            if (v < min || v > max) {
                throw bad(name, "must be between " + min + " and " + max + ", was " + v);
            }
            return Optional.of(v);
        } catch (NumberFormatException e) {
            throw bad(name, "must be an integer, was '" + Echo.truncate(raw) + "'");
        }
    }

    public static boolean bool(Context ctx, String name, boolean defaultValue) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isBlank()) {
            return defaultValue;
        }
        return switch (raw.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw bad(name, "must be true or false, was '" + Echo.truncate(raw) + "'");
        };
    }

    public static Optional<String> optionalString(Context ctx, String name) {
        String raw = ctx.queryParam(name);
        return raw == null || raw.isBlank() ? Optional.empty() : Optional.of(raw.trim());
    }

    public static String required(Context ctx, String name) {
        return optionalString(ctx, name).orElseThrow(() -> bad(name, "is required"));
    }

    public static ApiException bad(String name, String message) {
        return ApiException.badRequest(name + " " + message, List.of(Problem.of(name, message)));
    }

    public static ApiException notFound(String message) {
        return new ApiException(404, message);
    }
}
