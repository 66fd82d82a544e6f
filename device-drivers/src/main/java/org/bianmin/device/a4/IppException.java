package org.bianmin.device.a4;

/**
 * An IPP exchange that gave no usable answer. The kind says what the caller may conclude: after
 * {@link Kind#UNREACHABLE} the request never reached the printer; after {@link Kind#TIMEOUT} or
 * {@link Kind#INVALID_REPLY} it may have been acted on.
 */
public final class IppException extends Exception {

    public enum Kind {
        /** No connection (refused, no route, unknown host): the printer did not get the request. */
        UNREACHABLE,
        /** Connected, but no complete answer within the call's timeout. */
        TIMEOUT,
        /** An answer that is not IPP (HTTP error, wrong type, truncated, oversized, garbage). */
        INVALID_REPLY
    }

    private final Kind kind;

    public IppException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public IppException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
