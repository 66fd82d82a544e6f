package org.bianmin.device.idcard;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Optional;

/**
 * The 256-byte text block (UCS-2 little-endian, fields padded with spaces) of all three card types: parsing into
 * an {@link IdentityCard}, and the inverse encoding the simulator uses. Parsing never throws: malformed input
 * gives a {@link Parse.Rejected} naming the field, without echoing its content (it is personal data).
 */
public final class CardText {

    public static final int LENGTH = 256;
    private static final String OPEN_ENDED = "长期";

    /** A field: byte offset and length within the block. */
    record Field(String name, int offset, int length) {}

    // Resident card; the HMT permit shares everything up to validUntil.
    static final Field NAME = new Field("name", 0, 30);
    static final Field GENDER = new Field("gender", 30, 2);
    static final Field NATION = new Field("nation", 32, 4);
    static final Field BIRTH = new Field("birthDate", 36, 16);
    static final Field ADDRESS = new Field("address", 52, 70);
    static final Field ID = new Field("idNumber", 122, 36);
    static final Field ISSUER = new Field("issuer", 158, 30);
    static final Field FROM = new Field("validFrom", 188, 16);
    static final Field UNTIL = new Field("validUntil", 204, 16);
    static final Field PASS = new Field("passNumber", 220, 18);
    static final Field ISSUE_COUNT = new Field("issueCount", 238, 4);
    // Foreign permanent residence card.
    static final Field EN_NAME = new Field("englishName", 0, 120);
    static final Field F_GENDER = new Field("gender", 120, 2);
    static final Field F_NUMBER = new Field("idNumber", 122, 30);
    static final Field NATIONALITY = new Field("nationality", 152, 6);
    static final Field CN_NAME = new Field("chineseName", 158, 30);
    static final Field F_FROM = new Field("validFrom", 188, 16);
    static final Field F_UNTIL = new Field("validUntil", 204, 16);
    static final Field F_BIRTH = new Field("birthDate", 220, 16);
    static final Field VERSION = new Field("cardVersion", 236, 4);
    static final Field ISSUER_CODE = new Field("issuerCode", 240, 8);
    static final Field TYPE_FLAG = new Field("cardType", 248, 2);

    private CardText() {}

    /** Why a text block was rejected. */
    public enum Reason { WRONG_LENGTH, UNKNOWN_CARD_TYPE, BAD_ENCODING, BAD_FIELD }

    public sealed interface Parse {
        record Parsed(IdentityCard card) implements Parse {}

        record Rejected(Reason reason, String field, String message) implements Parse {}
    }

    /** Signals a bad field inside this class only; never escapes {@link #parse}. */
    private static final class FieldException extends Exception {
        final Reason reason;
        final String field;

        FieldException(Reason reason, String field, String message) {
            super(message, null, false, false);
            this.reason = reason;
            this.field = field;
        }
    }

    public static Parse parse(byte[] text, CardBlob photo, Optional<CardBlob> fingerprint) {
        if (text == null || text.length != LENGTH) {
            return new Parse.Rejected(Reason.WRONG_LENGTH, "text",
                    "text block must be " + LENGTH + " bytes, was " + (text == null ? "missing" : text.length));
        }
        try {
            String flag = field(text, TYPE_FLAG);
            return new Parse.Parsed(switch (flag) {
                case "" -> resident(text, photo, fingerprint);
                case "J" -> hmt(text, photo, fingerprint);
                case "I" -> foreign(text, photo, fingerprint);
                default -> throw new FieldException(Reason.UNKNOWN_CARD_TYPE, TYPE_FLAG.name(),
                        "unknown card type flag");
            });
        } catch (FieldException e) {
            return new Parse.Rejected(e.reason, e.field, e.field + ": " + e.getMessage());
        }
    }

    private static IdentityCard resident(byte[] t, CardBlob photo, Optional<CardBlob> fp) throws FieldException {
        String nationCode = required(t, NATION);
        String nation = Nations.name(nationCode)
                .orElseThrow(() -> new FieldException(Reason.BAD_FIELD, NATION.name(), "unknown nation code"));
        String id = required(t, ID);
        return new IdentityCard.Resident(required(t, NAME), gender(t, GENDER), nationCode, nation, date(t, BIRTH),
                required(t, ADDRESS), id, IdNumbers.check(id), required(t, ISSUER), date(t, FROM),
                until(t, UNTIL), photo, fp);
    }

    private static IdentityCard hmt(byte[] t, CardBlob photo, Optional<CardBlob> fp) throws FieldException {
        String id = required(t, ID);
        String count = required(t, ISSUE_COUNT);
        if (!count.matches("[0-9]{1,2}")) {
            throw new FieldException(Reason.BAD_FIELD, ISSUE_COUNT.name(), "not a number");
        }
        return new IdentityCard.HmtResidence(required(t, NAME), gender(t, GENDER), date(t, BIRTH),
                required(t, ADDRESS), id, IdNumbers.check(id), required(t, ISSUER), date(t, FROM), until(t, UNTIL),
                required(t, PASS), Integer.parseInt(count), photo, fp);
    }

    private static IdentityCard foreign(byte[] t, CardBlob photo, Optional<CardBlob> fp) throws FieldException {
        String id = required(t, F_NUMBER);
        String nationality = required(t, NATIONALITY);
        if (!nationality.matches("[A-Z]{3}")) {
            throw new FieldException(Reason.BAD_FIELD, NATIONALITY.name(), "not a 3-letter country code");
        }
        return new IdentityCard.ForeignPermanent(required(t, EN_NAME), field(t, CN_NAME), gender(t, F_GENDER), id,
                IdNumbers.check(id), nationality, date(t, F_BIRTH), date(t, F_FROM), until(t, F_UNTIL),
                field(t, VERSION), field(t, ISSUER_CODE), photo, fp);
    }

    private static String field(byte[] text, Field f) throws FieldException {
        try {
            CharBuffer chars = StandardCharsets.UTF_16LE.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(text, f.offset(), f.length()));
            String value = chars.toString();
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c != ' ' && c != '\0' && Character.isISOControl(c)) {
                    throw new FieldException(Reason.BAD_ENCODING, f.name(), "control character in field");
                }
            }
            return value.replace('\0', ' ').strip();
        } catch (CharacterCodingException e) {
            throw new FieldException(Reason.BAD_ENCODING, f.name(), "not valid UCS-2");
        }
    }

    private static String required(byte[] text, Field f) throws FieldException {
        String value = field(text, f);
        if (value.isEmpty()) {
            throw new FieldException(Reason.BAD_FIELD, f.name(), "empty");
        }
        return value;
    }

    private static Gender gender(byte[] text, Field f) throws FieldException {
        return Gender.ofCode(field(text, f))
                .orElseThrow(() -> new FieldException(Reason.BAD_FIELD, f.name(), "unknown gender code"));
    }

    private static LocalDate date(byte[] text, Field f) throws FieldException {
        String value = field(text, f);
        if (!value.matches("[0-9]{8}")) {
            throw new FieldException(Reason.BAD_FIELD, f.name(), "not a date (YYYYMMDD)");
        }
        try {
            return LocalDate.of(Integer.parseInt(value.substring(0, 4)), Integer.parseInt(value.substring(4, 6)),
                    Integer.parseInt(value.substring(6, 8)));
        } catch (DateTimeException e) {
            throw new FieldException(Reason.BAD_FIELD, f.name(), "not a calendar date");
        }
    }

    private static Optional<LocalDate> until(byte[] text, Field f) throws FieldException {
        return field(text, f).equals(OPEN_ENDED) ? Optional.empty() : Optional.of(date(text, f));
    }

    /** The text block for a card, as a reader would send it. Fields too long for their slot are an error. */
    public static byte[] encode(IdentityCard card) {
        byte[] t = new byte[LENGTH];
        for (int i = 0; i < LENGTH; i += 2) {
            t[i] = ' ';
        }
        switch (card) {
            case IdentityCard.Resident r -> {
                common(t, r.name(), r.gender(), r.birthDate(), r.address(), r.idNumber(), r.issuer(), r.validFrom(),
                        r.validUntil());
                put(t, NATION, r.nationCode());
            }
            case IdentityCard.HmtResidence h -> {
                common(t, h.name(), h.gender(), h.birthDate(), h.address(), h.idNumber(), h.issuer(), h.validFrom(),
                        h.validUntil());
                put(t, PASS, h.passNumber());
                put(t, ISSUE_COUNT, String.format("%02d", h.issueCount()));
                put(t, TYPE_FLAG, "J");
            }
            case IdentityCard.ForeignPermanent f -> {
                put(t, EN_NAME, f.englishName());
                put(t, F_GENDER, String.valueOf(f.gender().code()));
                put(t, F_NUMBER, f.idNumber());
                put(t, NATIONALITY, f.nationality());
                put(t, CN_NAME, f.chineseName());
                put(t, F_FROM, yyyymmdd(f.validFrom()));
                put(t, F_UNTIL, f.validUntil().map(CardText::yyyymmdd).orElse(OPEN_ENDED));
                put(t, F_BIRTH, yyyymmdd(f.birthDate()));
                put(t, VERSION, f.cardVersion());
                put(t, ISSUER_CODE, f.issuerCode());
                put(t, TYPE_FLAG, "I");
            }
        }
        return t;
    }

    private static void common(byte[] t, String name, Gender gender, LocalDate birth, String address, String id,
                               String issuer, LocalDate from, Optional<LocalDate> until) {
        put(t, NAME, name);
        put(t, GENDER, String.valueOf(gender.code()));
        put(t, BIRTH, yyyymmdd(birth));
        put(t, ADDRESS, address);
        put(t, ID, id);
        put(t, ISSUER, issuer);
        put(t, FROM, yyyymmdd(from));
        put(t, UNTIL, until.map(CardText::yyyymmdd).orElse(OPEN_ENDED));
    }

    private static String yyyymmdd(LocalDate date) {
        return String.format("%04d%02d%02d", date.getYear(), date.getMonthValue(), date.getDayOfMonth());
    }

    private static void put(byte[] t, Field f, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_16LE);
        if (bytes.length > f.length()) {
            throw new IllegalArgumentException(f.name() + " is longer than " + f.length() / 2 + " characters");
        }
        System.arraycopy(bytes, 0, t, f.offset(), bytes.length);
        Arrays.fill(bytes, (byte) 0);
    }
}
