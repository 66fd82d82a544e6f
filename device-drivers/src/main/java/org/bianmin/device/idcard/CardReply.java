package org.bianmin.device.idcard;

import java.util.Arrays;
import java.util.Optional;

/**
 * Splits the data of a read reply into text, photo and (for {@code 30 10}) fingerprint, checking the length
 * fields against what actually arrived. Pure; never throws on malformed input.
 */
public final class CardReply {

    private CardReply() {}

    public sealed interface Split {
        record Parts(byte[] text, byte[] photo, Optional<byte[]> fingerprint) implements Split {
            /** Wipes all three parts. */
            public void clear() {
                Arrays.fill(text, (byte) 0);
                Arrays.fill(photo, (byte) 0);
                fingerprint.ifPresent(f -> Arrays.fill(f, (byte) 0));
            }
        }

        record Malformed(String message) implements Split {}
    }

    public static Split split(byte[] data, boolean withFingerprint) {
        int header = withFingerprint ? 6 : 4;
        if (data.length < header) {
            return new Split.Malformed("read reply shorter than its length fields");
        }
        int textLength = u16(data, 0);
        int photoLength = u16(data, 2);
        int fingerprintLength = withFingerprint ? u16(data, 4) : 0;
        if (textLength != CardText.LENGTH) {
            return new Split.Malformed("text length " + textLength + ", expected " + CardText.LENGTH);
        }
        long expected = (long) header + textLength + photoLength + fingerprintLength;
        if (data.length != expected) {
            return new Split.Malformed("length fields say " + expected + " data bytes, reply has " + data.length);
        }
        int photoAt = header + textLength;
        int fingerprintAt = photoAt + photoLength;
        return new Split.Parts(Arrays.copyOfRange(data, header, photoAt),
                Arrays.copyOfRange(data, photoAt, fingerprintAt),
                withFingerprint && fingerprintLength > 0
                        ? Optional.of(Arrays.copyOfRange(data, fingerprintAt, data.length)) : Optional.empty());
    }

    /** The data of a read reply: length fields, text, photo and optional fingerprint. */
    public static byte[] join(byte[] text, byte[] photo, Optional<byte[]> fingerprint) {
        int header = fingerprint.isPresent() ? 6 : 4;
        byte[] fp = fingerprint.orElse(new byte[0]);
        byte[] data = new byte[header + text.length + photo.length + fp.length];
        putU16(data, 0, text.length);
        putU16(data, 2, photo.length);
        if (fingerprint.isPresent()) {
            putU16(data, 4, fp.length);
        }
        System.arraycopy(text, 0, data, header, text.length);
        System.arraycopy(photo, 0, data, header + text.length, photo.length);
        System.arraycopy(fp, 0, data, header + text.length + photo.length, fp.length);
        return data;
    }

    private static int u16(byte[] b, int at) {
        return ((b[at] & 0xFF) << 8) | (b[at + 1] & 0xFF);
    }

    private static void putU16(byte[] b, int at, int value) {
        b[at] = (byte) (value >> 8);
        b[at + 1] = (byte) value;
    }
}
