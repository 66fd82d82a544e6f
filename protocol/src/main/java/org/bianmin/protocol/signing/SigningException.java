package org.bianmin.protocol.signing;

/** A key file or signature that cannot be used; the message says which and why. */
public final class SigningException extends Exception {

    public SigningException(String message) {
        super(message);
    }

    public SigningException(String message, Throwable cause) {
        super(message, cause);
    }
}
