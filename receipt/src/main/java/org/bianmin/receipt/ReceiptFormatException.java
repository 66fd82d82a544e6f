package org.bianmin.receipt;

/** A receipt file that cannot be read: not JSON, a missing or malformed field. */
public final class ReceiptFormatException extends Exception {

    public ReceiptFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
