package org.bianmin.protocol.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An RFC 9457 problem-details body ({@code application/problem+json}); every error the portal answers carries
 * one. {@code errors} lists field-level problems of a rejected request; {@code retryAfterSeconds} repeats the
 * {@code Retry-After} header for clients that only see the body.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance, List<String> errors,
                      Integer retryAfterSeconds) {

    public Problem {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public static Problem of(ProblemType type, String detail) {
        return new Problem(type.uri(), type.title(), type.status(), detail, null, List.of(), null);
    }

    public Problem withErrors(List<String> fieldErrors) {
        return new Problem(type, title, status, detail, instance, fieldErrors, retryAfterSeconds);
    }

    public Problem withRetryAfter(int seconds) {
        return new Problem(type, title, status, detail, instance, errors, seconds);
    }

    public Problem at(String path) {
        return new Problem(type, title, status, detail, path, errors, retryAfterSeconds);
    }
}
