package org.bianmin.device.scanner;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns scanned bytes or wedge text into a {@link ScanResult}: size limit, encoding detection (strict UTF-8 first,
 * then GBK: a scanner set to GBK sends Chinese as GBK, and GBK text is almost never valid UTF-8), control
 * characters rejected, then classification. Pure and thread-safe.
 *
 * @param maxBytes      largest payload accepted
 * @param receiptNumber this kiosk's receipt numbers (e.g. {@code KIOSK-0001-20261122-0001U}), bare or at the end of a
 *                      tracking URL
 * @param eidToken      what a provincial e-ID / 亮证 token looks like; the platform verifies it, so this only routes
 */
public record PayloadRules(int maxBytes, Pattern receiptNumber, Pattern eidToken) {

    public static final Charset GBK = Charset.forName("GBK");

    public PayloadRules {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be positive");
        }
        Objects.requireNonNull(receiptNumber, "receiptNumber");
        Objects.requireNonNull(eidToken, "eidToken");
    }

    public static PayloadRules defaults() {
        // The outbox's receipt numbers: kiosk id, day, sequence, then two check digits (-CC), or in numbers issued
        // before, one ISO 7064 MOD 37-2 check character (may be '*').
        return new PayloadRules(2048, Pattern.compile("[A-Z0-9-]{4,32}-[0-9]{8}-[0-9]{4,}(?:-[0-9]{2}|[0-9A-Z*])"),
                Pattern.compile("(?:(?:CTID|EID|LZ)[:|])?[A-Za-z0-9+/_=.-]{48,}"));
    }

    public ScanResult fromBytes(byte[] raw) {
        if (raw.length == 0) {
            return new ScanResult.Rejected(ScanResult.Reason.EMPTY, "empty payload");
        }
        if (raw.length > maxBytes) {
            return tooLong(raw.length);
        }
        for (Charset charset : new Charset[] {StandardCharsets.UTF_8, GBK}) {
            try {
                String text = charset.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(raw)).toString();
                return fromText(text, charset);
            } catch (CharacterCodingException e) {
                // try the next charset
            }
        }
        return new ScanResult.Rejected(ScanResult.Reason.BAD_ENCODING, "neither UTF-8 nor GBK");
    }

    public ScanResult fromText(String text, Charset charset) {
        if (text.isEmpty()) {
            return new ScanResult.Rejected(ScanResult.Reason.EMPTY, "empty payload");
        }
        if (text.length() > maxBytes) {
            return tooLong(text.length());
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                return new ScanResult.Rejected(ScanResult.Reason.CONTROL_CHARACTERS,
                        String.format("control character U+%04X at %d", (int) c, i));
            }
        }
        return new ScanResult.Scanned(classify(text), charset);
    }

    private ScanResult tooLong(int length) {
        return new ScanResult.Rejected(ScanResult.Reason.TOO_LONG, length + " bytes, limit " + maxBytes);
    }

    ScanPayload classify(String text) {
        if (receiptNumber.matcher(text).matches()) {
            return new ScanPayload.ReceiptCode(text, text);
        }
        if (text.regionMatches(true, 0, "http://", 0, 7) || text.regionMatches(true, 0, "https://", 0, 8)) {
            try {
                URI uri = new URI(text);
                String path = uri.getPath() == null ? "" : uri.getPath();
                Matcher m = receiptNumber.matcher(path.substring(path.lastIndexOf('/') + 1));
                if (uri.getHost() != null && m.matches()) {
                    return new ScanPayload.ReceiptCode(m.group(), text);
                }
                if (uri.getHost() != null) {
                    return new ScanPayload.Url(uri, text);
                }
            } catch (URISyntaxException e) {
                return new ScanPayload.Other(text);
            }
        }
        if (eidToken.matcher(text).matches()) {
            return new ScanPayload.EidToken(text);
        }
        return new ScanPayload.Other(text);
    }
}
