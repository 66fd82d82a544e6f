package org.bianmin.device.idcard;

/** The reader commands: CMD and PARA bytes (and data for {@link #SET_MAX_RF_BYTES}). */
public enum Command {
    RESET_SAM(0x10, 0xFF),
    SAM_STATUS(0x11, 0xFF),
    READ_SAM_ID(0x12, 0xFF),
    FIND_CARD(0x20, 0x01),
    SELECT_CARD(0x20, 0x02),
    READ_TEXT_PHOTO(0x30, 0x01),
    READ_TEXT_PHOTO_FINGERPRINT(0x30, 0x10),
    SET_MAX_RF_BYTES(0x61, 0xFF, 0x50);

    private final byte[] body;

    Command(int... body) {
        this.body = new byte[body.length];
        for (int i = 0; i < body.length; i++) {
            this.body[i] = (byte) body[i];
        }
    }

    /** CMD, PARA and any data: the bytes between LEN and CHK. */
    public byte[] body() {
        return body.clone();
    }

    /** The command a request body encodes, if any. */
    public static java.util.Optional<Command> of(byte[] body) {
        for (Command c : values()) {
            if (java.util.Arrays.equals(c.body, body)) {
                return java.util.Optional.of(c);
            }
        }
        return java.util.Optional.empty();
    }
}
