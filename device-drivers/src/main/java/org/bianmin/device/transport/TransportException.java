package org.bianmin.device.transport;

/** A transport failure, typed so that supervisors can tell "unplugged" from "wrong permissions". */
public final class TransportException extends Exception {

    public enum Kind {
        /** The port or host does not exist (yet); e.g. a USB device that is unplugged. */
        NOT_FOUND,
        /** The OS refused access (on Linux: the user is not in the {@code dialout} group). */
        PERMISSION_DENIED,
        /** Another process holds the port. */
        BUSY,
        /** The device vanished while the transport was open. */
        DISCONNECTED,
        /** The transport is not open (never opened, or closed). */
        CLOSED,
        /** A write could not complete in time. */
        TIMEOUT,
        /** Any other I/O failure. */
        IO
    }

    private final Kind kind;

    public TransportException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public TransportException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    @Override
    public String getMessage() {
        return kind + ": " + super.getMessage();
    }
}
