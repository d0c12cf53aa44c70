package io.reelfm.service.auth;

import java.util.List;
import java.util.Map;

import io.javalin.http.Context;
import io.reelfm.service.http.ApiException;

/**
 * Checks the key a request presents ({@code Authorization: Bearer <key>} or
 * {@code X-API-Key: <key>}) before a write or an administrative action: 401 when a key is
 * required but none or an unknown one was sent, 403 when a valid write key asks to administer.
 * Answers are in the services' JSON error format and never repeat the presented key.
 */
public final class Authenticator {

    public static final String API_KEY_HEADER = "X-API-Key";
    private static final String BEARER = "Bearer ";
    private static final Map<String, String> CHALLENGE = Map.of("WWW-Authenticate", "Bearer realm=\"reelfm\"");

    private final ApiKeys keys;

    public Authenticator(ApiKeys keys) {
        this.keys = keys;
    }

    /** The caller's key name for a write ("anonymous" when no keys are configured). */
    public String requireWriter(Context ctx) {
        if (!keys.required()) {
            return "anonymous";
        }
        String presented = presented(ctx);
        return keys.writer(presented).or(() -> keys.administrator(presented))
                .orElseThrow(() -> unauthenticated(presented));
    }

    /** The caller's key name for an administrative action. */
    public String requireAdministrator(Context ctx) {
        if (!keys.required()) {
            return "anonymous";
        }
        String presented = presented(ctx);
        return keys.administrator(presented).orElseThrow(() -> keys.writer(presented).isPresent()
                ? new ApiException(403, "this API key may write but not administer", List.of(), Map.of(), null)
                : unauthenticated(presented));
    }

    private static ApiException unauthenticated(String presented) {
        String message = presented == null
                ? "an API key is required: send it as 'Authorization: Bearer <key>' or '" + API_KEY_HEADER + ": <key>'"
                : "the API key is not valid";
        return new ApiException(401, message, List.of(), CHALLENGE, null);
    }

    static String presented(Context ctx) {
        String authorization = ctx.header("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            String key = authorization.substring(BEARER.length()).strip();
            return key.isEmpty() ? null : key;
        }
        String key = ctx.header(API_KEY_HEADER);
        return key == null || key.isBlank() ? null : key.strip();
    }
}
