package io.reelfm.ingest.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

import io.javalin.http.Context;
import io.reelfm.ingest.body.BodyFormat;
import io.reelfm.service.http.ApiException;
import io.reelfm.service.http.Echo;

/**
 * Reads a request body under the configured byte limit: a declared Content-Length above the
 * limit is refused before reading, and a chunked body is cut off as soon as it exceeds it, so
 * an oversized upload never fills the heap.
 */
final class RequestBodyReader {

    private final long maxBytes;

    RequestBodyReader(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    BodyFormat format(Context ctx) {
        String contentType = ctx.header("Content-Type");
        return BodyFormat.fromContentType(contentType).orElseThrow(() -> new ApiException(415,
                "Content-Type must be one of " + BodyFormat.ACCEPTED + " (UTF-8) but was "
                        + (contentType == null ? "missing" : "'" + Echo.truncate(contentType) + "'")));
    }

    byte[] read(Context ctx) {
        long declared = ctx.req().getContentLengthLong();
        if (declared > maxBytes) {
            throw tooLarge(declared + " bytes");
        }
        try (InputStream in = ctx.req().getInputStream()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(declared > 0 ? (int) declared : 8192);
            byte[] buffer = new byte[8192];
            long total = 0;
            for (int n; (n = in.read(buffer)) != -1; ) {
                total += n;
                if (total > maxBytes) {
                    throw tooLarge("more than " + maxBytes + " bytes");
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new ApiException(400, "could not read the request body: " + e.getMessage());
        }
    }

    private ApiException tooLarge(String size) {
        return new ApiException(413, "request body is " + size + "; the limit is " + maxBytes + " bytes");
    }
}
