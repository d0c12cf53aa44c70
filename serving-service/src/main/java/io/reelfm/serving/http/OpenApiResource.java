package io.reelfm.serving.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import io.javalin.Javalin;

/** {@code /openapi.json}: the hand-written OpenAPI 3 description of the serving API, shipped as a resource. */
public final class OpenApiResource {

    static final String RESOURCE = "/io/reelfm/serving/openapi.json";

    private final byte[] document;

    public OpenApiResource() {
        try (InputStream in = OpenApiResource.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            document = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void register(Javalin app) {
        app.get("/openapi.json", ctx -> ctx.contentType("application/json").result(document));
    }
}
