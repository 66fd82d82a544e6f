package org.bianmin.device.idcard;

import java.util.Arrays;

/**
 * A reader's reply: the three status bytes and the data after them. {@link #clear()} wipes the data, which holds
 * personal data for card reads.
 */
public record Reply(int sw1, int sw2, int sw3, byte[] data) {

    public StatusCode status() {
        return sw1 == 0 && sw2 == 0 ? StatusCode.of(sw3) : StatusCode.UNRECOGNISED;
    }

    public void clear() {
        Arrays.fill(data, (byte) 0);
    }

    /** The reply a body decodes to: at least the three status bytes. */
    static java.util.Optional<Reply> ofBody(byte[] body) {
        if (body.length < 3) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new Reply(body[0] & 0xFF, body[1] & 0xFF, body[2] & 0xFF,
                Arrays.copyOfRange(body, 3, body.length)));
    }

    @Override
    public String toString() {
        return String.format("Reply[%02X %02X %02X, %d data bytes]", sw1, sw2, sw3, data.length);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Reply r && r.sw1 == sw1 && r.sw2 == sw2 && r.sw3 == sw3 && Arrays.equals(r.data, data);
    }

    @Override
    public int hashCode() {
        return 31 * (sw1 * 65536 + sw2 * 256 + sw3) + Arrays.hashCode(data);
    }
}
