package org.bianmin.device.idcard;

import java.util.Arrays;

/**
 * The frame format shared by requests and replies, as pure functions over bytes:
 * {@code AA AA AA 96 69 | LEN (2, big-endian) | body | CHK}, where LEN counts body and CHK, and CHK is the XOR of
 * the LEN bytes and the body.
 */
public final class FrameCodec {

    static final byte[] PREAMBLE = {(byte) 0xAA, (byte) 0xAA, (byte) 0xAA, (byte) 0x96, 0x69};
    /** Preamble and LEN. */
    static final int HEADER = PREAMBLE.length + 2;
    /**
     * Largest LEN accepted: a text + photo + fingerprint reply (3 status + 6 lengths + 256 + 1024 + 1024 fingerprint
     * bytes + CHK) with room to spare; anything larger is garbage, not a reply.
     */
    public static final int MAX_LEN = 4096;

    private FrameCodec() {}

    /** Outcome of looking for one frame at the start of a buffer. */
    public sealed interface Decoded {
        /** A whole, valid frame; {@code consumed} bytes (including any garbage skipped before it) are used up. */
        record Frame(byte[] body, int consumed) implements Decoded {}

        /** No whole frame yet; {@code skippable} leading bytes are certainly garbage and may be dropped. */
        record Incomplete(int skippable) implements Decoded {}

        /** A frame-shaped run of bytes that is not a valid frame; drop {@code consumed} bytes and carry on. */
        record Invalid(FrameError error, int consumed) implements Decoded {}
    }

    /** Why bytes that looked like a frame are not one. */
    public enum FrameError {
        BAD_CHECKSUM,
        /** LEN too small to hold a body and CHK. */
        TOO_SHORT,
        /** LEN beyond {@link #MAX_LEN}. */
        OVERSIZED
    }

    public static byte[] encode(byte[] body) {
        int len = body.length + 1;
        if (len > MAX_LEN) {
            throw new IllegalArgumentException("frame body too long: " + body.length);
        }
        byte[] frame = new byte[HEADER + len];
        System.arraycopy(PREAMBLE, 0, frame, 0, PREAMBLE.length);
        frame[5] = (byte) (len >> 8);
        frame[6] = (byte) len;
        System.arraycopy(body, 0, frame, HEADER, body.length);
        frame[frame.length - 1] = checksum(frame, PREAMBLE.length, frame.length - 1);
        return frame;
    }

    public static byte[] request(Command command) {
        return encode(command.body());
    }

    public static byte[] reply(int sw3, byte[] data) {
        byte[] body = new byte[3 + data.length];
        body[2] = (byte) sw3;
        System.arraycopy(data, 0, body, 3, data.length);
        return encode(body);
    }

    /** XOR of {@code bytes[from, to)}. */
    static byte checksum(byte[] bytes, int from, int to) {
        byte x = 0;
        for (int i = from; i < to; i++) {
            x ^= bytes[i];
        }
        return x;
    }

    /**
     * Looks for a frame in {@code buffer[0, length)}. Bytes before a preamble are skipped; a frame with a bad LEN or
     * checksum is reported and only its preamble consumed, so a real frame hidden inside garbage is still found.
     */
    public static Decoded decode(byte[] buffer, int length) {
        int start = indexOfPreamble(buffer, length);
        if (start < 0) {
            // Keep a tail that could be the start of a preamble split across reads.
            return new Decoded.Incomplete(Math.max(0, length - (PREAMBLE.length - 1)));
        }
        if (length - start < HEADER) {
            return new Decoded.Incomplete(start);
        }
        int len = ((buffer[start + 5] & 0xFF) << 8) | (buffer[start + 6] & 0xFF);
        if (len < 2) {
            return new Decoded.Invalid(FrameError.TOO_SHORT, start + PREAMBLE.length);
        }
        if (len > MAX_LEN) {
            return new Decoded.Invalid(FrameError.OVERSIZED, start + PREAMBLE.length);
        }
        int end = start + HEADER + len;
        if (length < end) {
            return new Decoded.Incomplete(start);
        }
        if (checksum(buffer, start + PREAMBLE.length, end - 1) != buffer[end - 1]) {
            return new Decoded.Invalid(FrameError.BAD_CHECKSUM, start + PREAMBLE.length);
        }
        return new Decoded.Frame(Arrays.copyOfRange(buffer, start + HEADER, end - 1), end);
    }

    private static int indexOfPreamble(byte[] buffer, int length) {
        outer:
        for (int i = 0; i + PREAMBLE.length <= length; i++) {
            for (int j = 0; j < PREAMBLE.length; j++) {
                if (buffer[i + j] != PREAMBLE[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
