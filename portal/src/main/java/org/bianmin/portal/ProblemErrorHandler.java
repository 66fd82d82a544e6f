package org.bianmin.portal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.util.List;
import org.bianmin.protocol.api.ApiPaths;
import org.bianmin.protocol.api.Problem;
import org.bianmin.protocol.api.ProblemType;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own refusals: a request it will not route (an ambiguous or malformed path such as
 * {@code /operator/%2e%2e/x}, a NUL in the path, headers or URI too large) never reaches Javalin, and Jetty answered
 * it with an HTML page of its own — the only HTML the portal sent without its security headers
 * ({@link SecurityHeaders#BASELINE}). Here they are a problem document with those headers, like every other
 * refusal. Nothing from the request is echoed (Jetty's message may quote it).
 */
final class ProblemErrorHandler extends ErrorHandler {

    private final ObjectMapper json;

    ProblemErrorHandler(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        response.write(true, ByteBuffer.wrap(problem(code, response.getHeaders())), callback);
    }

    /** Refusals before a request exists (a request line or header block Jetty cannot parse). */
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        return ByteBuffer.wrap(problem(status, fields));
    }

    private byte[] problem(int status, HttpFields.Mutable headers) {
        SecurityHeaders.BASELINE.forEach(h -> headers.put(h.getKey(), h.getValue()));
        headers.put(HttpHeader.CONTENT_TYPE, ApiPaths.PROBLEM_JSON);
        ProblemType type = PortalServer.typeFor(status);
        try {
            return json.writeValueAsBytes(new Problem(type.uri(), type.title(), status, null, null, List.of(), null));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("problem not serialisable", e);
        }
    }
}
