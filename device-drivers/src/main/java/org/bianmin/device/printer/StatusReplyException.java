package org.bianmin.device.printer;

/** A {@code DLE EOT} exchange that produced no usable status. */
public final class StatusReplyException extends Exception {

    public enum Kind { NO_REPLY, INVALID_REPLY, TRANSPORT_FAILED }

    private final Kind kind;

    public StatusReplyException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public StatusReplyException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
