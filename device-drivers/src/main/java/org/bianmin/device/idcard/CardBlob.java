package org.bianmin.device.idcard;

import java.util.Arrays;

/**
 * Opaque data read from the chip: the photo (1024 bytes of WLT, undecodable without a vendor library, see
 * {@link PhotoDecoder}) or fingerprint templates. Personal data: {@link #clear()} wipes it after the session.
 */
public final class CardBlob {

    private final byte[] data;

    public CardBlob(byte[] data) {
        this.data = data.clone();
    }

    /** A copy of the WLT bytes. */
    public byte[] bytes() {
        return data.clone();
    }

    public int length() {
        return data.length;
    }

    public void clear() {
        Arrays.fill(data, (byte) 0);
    }

    @Override
    public String toString() {
        return "CardBlob[" + data.length + " bytes]";
    }
}
