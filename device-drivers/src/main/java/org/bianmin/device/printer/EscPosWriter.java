package org.bianmin.device.printer;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Builds one print job's bytes for a {@link PrinterProfile}: text in GB18030 (behind {@code FS &} or raw, as the
 * printer wants), styles, wrapped lines that respect the paper's columns, QR codes native or as raster bands.
 * Control characters in text are replaced by spaces so that data (a name, an item title) can never inject a
 * printer command.
 */
public final class EscPosWriter {

    public static final Charset GB18030 = Charset.forName("GB18030");
    /** Rows per {@code GS v 0} band: 24 rows of 576 dots is 1.7 KB, well inside any printer's receive buffer. */
    static final int RASTER_BAND_ROWS = 24;

    private final PrinterProfile profile;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final CharsetEncoder encoder = GB18030.newEncoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    private int widthMultiplier = 1;
    /** Offsets where a command or a line ends: where the driver may ask for status. */
    private final List<Integer> pausePoints = new java.util.ArrayList<>();

    public EscPosWriter(PrinterProfile profile) {
        this.profile = profile;
    }

    public PrinterProfile profile() {
        return profile;
    }

    /** {@code ESC @}, then Chinese mode for {@code FS &} printers (a reset leaves it off). */
    public EscPosWriter init() {
        put(EscPos.init());
        widthMultiplier = 1;
        if (profile.chineseMode() == ChineseMode.FS_AMPERSAND) {
            put(EscPos.chineseModeOn());
        }
        return this;
    }

    public EscPosWriter align(EscPos.Align align) {
        return put(EscPos.align(align));
    }

    public EscPosWriter bold(boolean on) {
        return put(EscPos.bold(on));
    }

    public EscPosWriter size(int width, int height) {
        widthMultiplier = width;
        return put(EscPos.size(width, height));
    }

    /** Columns available at the current character width. */
    public int columns() {
        return profile.paper().columns / widthMultiplier;
    }

    /** One line as-is (the caller has laid it out) followed by LF. */
    public EscPosWriter line(String text) {
        out.writeBytes(encode(sanitize(text)));
        return put(new byte[] {EscPos.LF});
    }

    /** Text wrapped to the current columns. */
    public EscPosWriter wrapped(String text) {
        TextLayout.wrap(sanitizeKeepingNewlines(text), columns()).forEach(this::line);
        return this;
    }

    public EscPosWriter labelValue(String label, String value) {
        TextLayout.labelValue(sanitize(label), sanitize(value), columns()).forEach(this::line);
        return this;
    }

    public EscPosWriter rule(char ch) {
        return line(TextLayout.rule(ch, columns()));
    }

    public EscPosWriter feed(int lines) {
        return put(EscPos.feed(lines));
    }

    public EscPosWriter cut() {
        return put(EscPos.cut());
    }

    /** A QR code: native {@code GS ( k} when the printer has it, else ZXing raster in bands. */
    public EscPosWriter qr(String payload, int moduleDots, EscPos.QrErrorLevel level) {
        if (profile.nativeQr()) {
            put(EscPos.qrModel2());
            put(EscPos.qrModuleSize(moduleDots));
            put(EscPos.qrErrorLevel(level));
            put(EscPos.qrStore(payload.getBytes(StandardCharsets.UTF_8)));
            put(EscPos.qrPrint());
        } else {
            List<byte[]> bands = QrRaster.render(payload, moduleDots, level).bands(RASTER_BAND_ROWS);
            bands.forEach(this::put);
        }
        return put(new byte[] {EscPos.LF});
    }

    public byte[] toBytes() {
        return out.toByteArray();
    }

    /** The job so far, with a status pause allowed after every command. */
    public PrintJob toJob(String id) {
        return new PrintJob(id, toBytes(), pausePoints.stream().mapToInt(Integer::intValue).toArray());
    }

    private EscPosWriter put(byte[] bytes) {
        out.writeBytes(bytes);
        pausePoints.add(out.size());
        return this;
    }

    private byte[] encode(String text) {
        try {
            ByteBuffer b = encoder.reset().encode(CharBuffer.wrap(text));
            byte[] bytes = new byte[b.remaining()];
            b.get(bytes);
            return bytes;
        } catch (CharacterCodingException e) {
            throw new IllegalStateException("GB18030 encoder set to REPLACE reported an error", e);
        }
    }

    static String sanitize(String text) {
        return replaceControls(text, false);
    }

    private static String sanitizeKeepingNewlines(String text) {
        return replaceControls(text, true);
    }

    private static String replaceControls(String text, boolean keepNewlines) {
        return text.codePoints()
                .map(cp -> cp == '\n' && keepNewlines ? cp : Character.isISOControl(cp) ? ' ' : cp)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }
}
