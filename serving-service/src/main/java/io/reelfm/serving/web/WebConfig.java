package io.reelfm.serving.web;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

import io.reelfm.service.config.ConfigException;
import io.reelfm.service.config.Settings;

/**
 * Where the web page's two pass-through calls go. The page is served by serving and talks only
 * to its own origin (no CORS): a rating posted to {@code /ingest/ratings} is relayed to ingest's
 * {@code /ratings}, and {@code /trainer/models} relays the trainer's model history. Either is
 * answered 501 with the setting to set when its URL is not configured.
 *
 * @param ingestUrl  {@code reelfm.serving.web.ingest-url}, e.g. {@code http://ingest:8081}; empty disables rating from the page
 * @param trainerUrl {@code reelfm.serving.web.trainer-url}, e.g. {@code http://trainer:8082}; empty disables the model-history chart
 * @param ingestKey  {@code reelfm.serving.web.ingest-key}: the API key relayed ratings carry when the visitor sends
 *                   none of their own. Anyone who can open the page can then rate through it, so set it only where that
 *                   is wanted (the demo does); without it the page asks the visitor for a key
 * @param timeout    {@code reelfm.serving.web.timeout}, default 5s: how long a relayed call may take
 */
public record WebConfig(String ingestUrl, String trainerUrl, String ingestKey, Duration timeout) {

    public WebConfig {
        ingestUrl = trimSlash(ingestUrl);
        trainerUrl = trimSlash(trainerUrl);
        requireUrl("reelfm.serving.web.ingest-url", ingestUrl);
        requireUrl("reelfm.serving.web.trainer-url", trainerUrl);
        ingestKey = ingestKey == null ? "" : ingestKey.trim();
        ConfigException.require(timeout != null && timeout.toMillis() >= 1, "reelfm.serving.web.timeout", "must be positive");
    }

    public static WebConfig from(Settings s) {
        return new WebConfig(s.string("reelfm.serving.web.ingest-url", ""), s.string("reelfm.serving.web.trainer-url", ""),
                s.string("reelfm.serving.web.ingest-key", ""), s.duration("reelfm.serving.web.timeout", Duration.ofSeconds(5)));
    }

    public Optional<String> ingest() {
        return ingestUrl.isEmpty() ? Optional.empty() : Optional.of(ingestUrl);
    }

    public Optional<String> trainer() {
        return trainerUrl.isEmpty() ? Optional.empty() : Optional.of(trainerUrl);
    }

    private static String trimSlash(String url) {
        String u = url == null ? "" : url.trim();
        return u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
    }

    private static void requireUrl(String key, String url) {
        if (url.isEmpty()) {
            return;
        }
        boolean ok;
        try {
            URI u = URI.create(url);
            ok = ("http".equals(u.getScheme()) || "https".equals(u.getScheme())) && u.getHost() != null;
        } catch (IllegalArgumentException e) {
            ok = false;
        }
        ConfigException.require(ok, key, "must be an http(s) URL such as http://localhost:8081, was '" + url + "'");
    }
}
