package org.bianmin.cache.search;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bianmin.cache.search.SearchIndex.Variant;
import org.bianmin.cache.search.SearchIndex.VariantKind;

/**
 * The stored form of a search index: each searchable text with its folded variants (characters, pinyin with its
 * syllable starts, initials). Layout: magic {@code BMSI}, {@link #FORMAT}, text count, then per text its UTF-8
 * source and its variants (kind, UTF-8 text, syllable starts); strings are a length then bytes.
 *
 * <p>{@link #decode} trusts nothing: every count and length is checked against the bytes left before anything is
 * allocated, kinds and syllable starts are checked, UTF-8 is decoded strictly, and trailing bytes are refused;
 * any fault is a {@link CorruptFormsException}, never an unchecked exception.
 */
final class SearchFormsCodec {

    private static final int MAGIC = 0x424D5349; // "BMSI"
    /**
     * Bump when folding or pinyin expansion changes (a new pinyin library, another reading order): forms stored by
     * an older build then read as {@link CorruptFormsException} and are rebuilt instead of answering differently.
     */
    static final int FORMAT = 1;
    /** A variant per reading combination and its initials, plus the characters. */
    private static final int MAX_VARIANTS = 1 + 2 * SearchIndex.MAX_READINGS;
    private static final VariantKind[] KINDS = VariantKind.values();

    private SearchFormsCodec() {}

    /** Stored forms that cannot be read back: damaged, truncated, or written by a build with other folding. */
    static final class CorruptFormsException extends Exception {
        CorruptFormsException(String message) {
            super(message);
        }
    }

    static byte[] encode(Map<String, List<Variant>> forms) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeInt(FORMAT);
            out.writeInt(forms.size());
            for (Map.Entry<String, List<Variant>> e : forms.entrySet()) {
                writeString(out, e.getKey());
                out.writeByte(e.getValue().size());
                for (Variant v : e.getValue()) {
                    out.writeByte(v.kind().ordinal());
                    writeString(out, v.text());
                    out.writeShort(v.starts().length);
                    for (int start : v.starts()) {
                        out.writeInt(start);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory does not fail", e);
        }
        return bytes.toByteArray();
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    static Map<String, List<Variant>> decode(byte[] stored) throws CorruptFormsException {
        ByteBuffer in = ByteBuffer.wrap(stored);
        if (intAt(in) != MAGIC) {
            throw new CorruptFormsException("not stored search forms (bad magic)");
        }
        int format = intAt(in);
        if (format != FORMAT) {
            throw new CorruptFormsException("stored forms have format " + format + ", this build reads " + FORMAT);
        }
        // Every text takes at least 5 bytes (a length and a count): a larger count is a lie.
        int texts = count(intAt(in), in.remaining() / 5, "text count");
        Map<String, List<Variant>> forms = new HashMap<>(texts * 2);
        for (int t = 0; t < texts; t++) {
            String source = string(in);
            int n = count(byteAt(in), MAX_VARIANTS, "variant count");
            List<Variant> variants = new ArrayList<>(n);
            for (int v = 0; v < n; v++) {
                int kind = count(byteAt(in), KINDS.length - 1, "variant kind");
                String text = string(in);
                int[] starts = new int[count(shortAt(in), text.length(), "syllable count")];
                for (int i = 0; i < starts.length; i++) {
                    starts[i] = count(intAt(in), text.length() - 1, "syllable start");
                    if (i > 0 && starts[i] <= starts[i - 1]) {
                        throw new CorruptFormsException("syllable starts out of order");
                    }
                }
                variants.add(new Variant(text, KINDS[kind], starts, source));
            }
            if (forms.put(source, List.copyOf(variants)) != null) {
                throw new CorruptFormsException("a text stored twice");
            }
        }
        if (in.hasRemaining()) {
            throw new CorruptFormsException(in.remaining() + " bytes after the last text");
        }
        return forms;
    }

    private static int count(int value, int max, String what) throws CorruptFormsException {
        if (value < 0 || value > max) {
            throw new CorruptFormsException(what + " " + value + " out of range 0.." + max);
        }
        return value;
    }

    private static String string(ByteBuffer in) throws CorruptFormsException {
        int length = count(intAt(in), in.remaining(), "string length");
        ByteBuffer utf8 = in.slice(in.position(), length);
        in.position(in.position() + length);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(utf8).toString();
        } catch (CharacterCodingException e) {
            throw new CorruptFormsException("a stored text is not UTF-8");
        }
    }

    private static int intAt(ByteBuffer in) throws CorruptFormsException {
        need(in, Integer.BYTES);
        return in.getInt();
    }

    private static int shortAt(ByteBuffer in) throws CorruptFormsException {
        need(in, Short.BYTES);
        return in.getShort() & 0xffff;
    }

    private static int byteAt(ByteBuffer in) throws CorruptFormsException {
        need(in, 1);
        return in.get() & 0xff;
    }

    private static void need(ByteBuffer in, int bytes) throws CorruptFormsException {
        if (in.remaining() < bytes) {
            throw new CorruptFormsException("stored forms end early");
        }
    }
}
