package org.bianmin.device.idcard;

/** SW3 of a reply (SW1 SW2 are 00 00), each a typed outcome. */
public enum StatusCode {
    SUCCESS(0x90, Category.OK),
    CARD_FOUND(0x9F, Category.OK),
    FIND_FAILED(0x80, Category.NO_CARD),
    SELECT_FAILED(0x81, Category.CARD),
    READ_FAILED(0x41, Category.CARD),
    REQUEST_CHECKSUM_ERROR(0x10, Category.PROTOCOL),
    REQUEST_LENGTH_ERROR(0x11, Category.PROTOCOL),
    UNKNOWN_COMMAND(0x21, Category.PROTOCOL),
    NOT_PERMITTED(0x23, Category.PROTOCOL),
    UNKNOWN_ERROR(0x24, Category.HARDWARE),
    CARD_AUTH_FAILED_31(0x31, Category.CARD),
    CARD_AUTH_FAILED_32(0x32, Category.CARD),
    CARD_AUTH_FAILED_33(0x33, Category.CARD),
    UNKNOWN_CARD_TYPE(0x40, Category.CARD),
    SAM_SELF_TEST_FAILED(0x60, Category.HARDWARE),
    SAM_NOT_AUTHORISED(0x66, Category.HARDWARE),
    ITEM_NOT_PRESENT(0x91, Category.CARD),
    /** A code this driver does not know; the raw byte is in the {@link Reply}. */
    UNRECOGNISED(-1, Category.PROTOCOL);

    /** What an outcome means for the caller. */
    public enum Category {
        OK,
        /** No card in the field. */
        NO_CARD,
        /** The card could not be read (removed, not genuine, unsupported). */
        CARD,
        /** The reader says our request was malformed: a driver or line fault. */
        PROTOCOL,
        /** The reader or its SAM module is faulty; needs a technician. */
        HARDWARE
    }

    private final int code;
    private final Category category;

    StatusCode(int code, Category category) {
        this.code = code;
        this.category = category;
    }

    public int code() {
        return code;
    }

    public Category category() {
        return category;
    }

    public static StatusCode of(int sw3) {
        for (StatusCode s : values()) {
            if (s.code == sw3) {
                return s;
            }
        }
        return UNRECOGNISED;
    }
}
