package io.reelfm.serving.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

import io.javalin.Javalin;
import io.javalin.http.Context;

/**
 * The web page: one HTML document and its scripts, styles and the bundled charting library, all
 * read from the jar (no CDN, so it works with no internet). The document answers {@code /}, the
 * deep links {@code /users/{id}} and {@code /charts}, and {@code /movies/{id}} when a browser
 * asks for HTML — the same path answers JSON to API clients, which do not ask for
 * {@code text/html}. The script then routes on the path.
 */
public final class WebPage {

    /** The page's own files, under {@code web/} on the classpath. */
    private static final Map<String, String> OWN_ASSETS = Map.of(
            "app.js", "text/javascript; charset=utf-8",
            "app.css", "text/css; charset=utf-8",
            "favicon.svg", "image/svg+xml");
    /** Chart.js, from its WebJar; the path inside the jar carries the version, read from the WebJar's Maven metadata. */
    static final String CHART_JS = "chart.umd.js";
    private static final String CHART_JS_POM = "META-INF/maven/org.webjars.npm/chart.js/pom.properties";
    /** Only the page's own files and scripts; no inline script, no third-party origin. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    private final Map<String, Asset> cache = new ConcurrentHashMap<>();
    /** Where Chart.js lies in its WebJar, found once (the path carries the version). */
    private final String chartJsResource = "META-INF/resources/webjars/chart.js/" + chartJsVersion() + "/dist/chart.umd.js";

    /** @param movieDetailsPath the JSON API's movie path, answered with the page when a browser asks for HTML */
    public void register(Javalin app, String movieDetailsPath) {
        app.get("/", this::document);
        app.get("/charts", this::document);
        app.get("/users/{id}", this::document);
        app.before(movieDetailsPath, ctx -> {
            if ("GET".equals(ctx.method().name()) && wantsHtml(ctx)) {
                document(ctx);
                ctx.skipRemainingHandlers();
            }
        });
        app.get("/assets/{file}", this::asset);
    }

    /** A browser navigating asks for {@code text/html} first; {@code fetch}, curl and API clients do not. */
    static boolean wantsHtml(Context ctx) {
        String accept = ctx.header("Accept");
        return accept != null && accept.toLowerCase(Locale.ROOT).contains("text/html");
    }

    private void document(Context ctx) {
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        ctx.header("X-Content-Type-Options", "nosniff");
        serve(ctx, load("index.html", "web/index.html", "text/html; charset=utf-8"));
    }

    private void asset(Context ctx) {
        String file = ctx.pathParam("file");
        Asset a;
        if (CHART_JS.equals(file)) {
            a = load(file, chartJsResource, "text/javascript; charset=utf-8");
        } else if (OWN_ASSETS.containsKey(file)) {
            a = load(file, "web/" + file, OWN_ASSETS.get(file));
        } else {
            ctx.status(404).json(Map.of("error", "no asset named '" + io.reelfm.service.http.Echo.truncate(file) + "'"));
            return;
        }
        ctx.header("X-Content-Type-Options", "nosniff");
        serve(ctx, a);
    }

    /** Revalidated on every load (cheap: an ETag match answers 304 with no body), so a new release shows at once. */
    private static void serve(Context ctx, Asset a) {
        ctx.header("Cache-Control", "no-cache");
        ctx.header("ETag", a.etag());
        if (a.etag().equals(ctx.header("If-None-Match"))) {
            ctx.status(304);
            return;
        }
        ctx.contentType(a.contentType()).result(a.bytes());
    }

    private Asset load(String name, String resource, String contentType) {
        return cache.computeIfAbsent(name, n -> {
            try (InputStream in = WebPage.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("the page's file " + resource + " is missing from the classpath");
                }
                byte[] bytes = in.readAllBytes();
                return new Asset(bytes, contentType, "\"" + sha256(bytes).substring(0, 20) + "\"");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    static String chartJsVersion() {
        try (InputStream in = WebPage.class.getClassLoader().getResourceAsStream(CHART_JS_POM)) {
            if (in == null) {
                throw new IllegalStateException("the Chart.js WebJar is missing from the classpath (" + CHART_JS_POM + ")");
            }
            Properties p = new Properties();
            p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
            return p.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Asset(byte[] bytes, String contentType, String etag) {
    }
}
