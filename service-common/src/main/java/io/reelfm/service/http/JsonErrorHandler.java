package io.reelfm.service.http;

import java.io.IOException;
import java.nio.ByteBuffer;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;

import com.fasterxml.jackson.core.JsonProcessingException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Errors that Jetty answers before any route runs (a malformed or over-long URI, headers too
 * large, a request refused while stopping) in the same JSON shape as every other error, instead
 * of Jetty's HTML page, so clients parse one format whatever went wrong.
 */
final class JsonErrorHandler extends ErrorHandler {

    @Override
    protected void generateAcceptableResponse(Request baseRequest, HttpServletRequest request, HttpServletResponse response,
                                              int code, String message) throws IOException {
        baseRequest.setHandled(true);
        response.setContentType("application/json");
        response.getOutputStream().write(body(code, message));
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, "application/json");
        return ByteBuffer.wrap(body(status, reason));
    }

    private static byte[] body(int code, String message) {
        String text = message == null || message.isBlank() ? HttpStatus.getMessage(code) : message;
        try {
            return Json.mapper().writeValueAsBytes(new ErrorBody(Echo.truncate(text), null));
        } catch (JsonProcessingException e) {
            return ("{\"error\":\"" + HttpStatus.getMessage(code) + "\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
