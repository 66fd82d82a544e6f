package org.bianmin.device.printer.virtual;

/** A byte stream that is not the ESC/POS the kiosk emits. */
public final class EscPosFormatException extends Exception {

    public EscPosFormatException(String message) {
        super(message);
    }
}
