package org.bianmin.receipt;

/** The PDF could not be made: no usable CJK font, or the PDF library failed. The message says what to do. */
public final class ReceiptPdfException extends Exception {

    public ReceiptPdfException(String message) {
        super(message);
    }

    public ReceiptPdfException(String message, Throwable cause) {
        super(message, cause);
    }
}
