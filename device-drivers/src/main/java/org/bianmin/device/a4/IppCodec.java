package org.bianmin.device.a4;

import com.hp.jipp.encoding.IppPacket;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * IPP messages to and from bytes (RFC 8010 §3) with jipp. An answer is first walked here, bounded, before jipp
 * sees it: a truncated or garbage message, a length that runs past the end, more than {@link #MAX_ATTRIBUTES}
 * values or collections nested deeper than {@link #MAX_DEPTH} become an {@link IppException} of kind
 * {@link IppException.Kind#INVALID_REPLY}, never an unchecked exception or a deep recursion in the parser.
 */
public final class IppCodec {

    static final int MAX_DEPTH = 8;
    static final int MAX_ATTRIBUTES = 20_000;
    private static final int BEGIN_COLLECTION = 0x34;
    private static final int END_COLLECTION = 0x37;
    private static final int END_OF_ATTRIBUTES = 0x03;
    private static final int EXTENSION = 0x7F;

    private IppCodec() {}

    public static byte[] encode(IppPacket packet) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            packet.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return out.toByteArray();
    }

    /** Decodes one IPP message that is the whole of {@code bytes}, or the start of it when data follows. */
    public static IppPacket decode(byte[] bytes) throws IppException {
        int end = check(bytes);
        try {
            return IppPacket.parse(new ByteArrayInputStream(bytes, 0, end));
        } catch (IOException | RuntimeException e) {
            throw invalid("IPP message not decodable: " + e.getMessage());
        }
    }

    /**
     * Reads values out of a decoded message: jipp's accessors throw unchecked exceptions on attributes of the
     * wrong syntax or without values (found by {@code IppCodecTest}'s garbage), which become typed errors here.
     */
    public static <T> T read(String what, java.util.function.Supplier<T> reading) throws IppException {
        try {
            return reading.get();
        } catch (RuntimeException e) {
            throw invalid("IPP answer with unreadable " + what + ": " + e);
        }
    }

    /** The offset just after the end-of-attributes tag: where a request's document data begins. */
    public static int messageLength(byte[] bytes) throws IppException {
        return check(bytes);
    }

    private static int check(byte[] b) throws IppException {
        if (b.length < 9) {
            throw invalid("IPP message of " + b.length + " bytes is shorter than its header");
        }
        if (b[0] < 1 || b[0] > 2) {
            throw invalid("IPP version " + b[0] + "." + b[1] + " is not 1.x or 2.x");
        }
        int i = 8;
        int depth = 0;
        int values = 0;
        while (true) {
            if (i >= b.length) {
                throw invalid("IPP message ends without end-of-attributes");
            }
            int tag = b[i++] & 0xFF;
            if (tag == END_OF_ATTRIBUTES) {
                if (depth != 0) {
                    throw invalid("IPP collection not closed");
                }
                return i;
            }
            if (tag < 0x10) {
                continue; // a group delimiter
            }
            if (tag == EXTENSION) {
                i += 4;
            }
            int nameLength = u16(b, i);
            i += 2 + nameLength;
            int valueLength = u16(b, i);
            i += 2 + valueLength;
            if (i > b.length) {
                throw invalid("IPP attribute runs past the end of the message");
            }
            if (++values > MAX_ATTRIBUTES) {
                throw invalid("IPP message with more than " + MAX_ATTRIBUTES + " values");
            }
            if (tag == BEGIN_COLLECTION && ++depth > MAX_DEPTH) {
                throw invalid("IPP collections nested deeper than " + MAX_DEPTH);
            }
            if (tag == END_COLLECTION && --depth < 0) {
                throw invalid("IPP end of a collection that was not begun");
            }
        }
    }

    private static int u16(byte[] b, int at) throws IppException {
        if (at + 2 > b.length) {
            throw invalid("IPP message truncated inside an attribute");
        }
        return ((b[at] & 0xFF) << 8) | (b[at + 1] & 0xFF);
    }

    private static IppException invalid(String message) {
        return new IppException(IppException.Kind.INVALID_REPLY, message);
    }
}
