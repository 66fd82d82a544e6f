package org.bianmin.device.idcard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import org.bianmin.protocol.json.BoundedJson;

/**
 * Simulated cards from JSON files: {@code cardType} ({@code RESIDENT}, {@code FOREIGN_PERMANENT},
 * {@code HMT_RESIDENCE}) and the fields of the matching {@link IdentityCard} record, dates as ISO strings and
 * {@code validUntil} either a date or {@code "长期"}. Samples of all three types ship as resources
 * ({@link #SAMPLES}); their data is invented, with valid check characters.
 */
public final class CardFiles {

    public static final List<String> SAMPLES = List.of("resident.json", "resident-long-term.json",
            "foreign-permanent.json", "hmt-residence.json");
    private static final ObjectMapper JSON = BoundedJson.mapper();
    /** A card file is under 2 KB; a bigger one is not a card. */
    private static final int MAX_FILE_BYTES = 64 * 1024;
    private static final int PHOTO_LENGTH = 1024;

    /** A card file that cannot be used; the message names the file and field. */
    public static final class CardFileException extends Exception {
        public CardFileException(String message) {
            super(message);
        }
    }

    private CardFiles() {}

    public static IdentityCard load(Path file) throws CardFileException {
        byte[] json;
        try {
            json = BoundedJson.readFile(file, MAX_FILE_BYTES);
        } catch (IOException e) {
            throw new CardFileException(file + ": cannot read (" + e.getMessage() + ")");
        }
        return parse(file.toString(), json);
    }

    /** A card from JSON text; {@code source} names it in error messages. */
    public static IdentityCard parse(String source, byte[] json) throws CardFileException {
        try {
            return parse(source, BoundedJson.readTree(JSON, json));
        } catch (JsonProcessingException e) {
            throw new CardFileException(source + ": not valid JSON (" + BoundedJson.describe(e) + ")");
        } catch (IOException e) {
            throw new CardFileException(source + ": cannot read (" + e.getMessage() + ")");
        }
    }

    /** One of the {@link #SAMPLES}. */
    public static IdentityCard sample(String name) throws CardFileException {
        try (InputStream in = CardFiles.class.getResourceAsStream("cards/" + name)) {
            if (in == null) {
                throw new CardFileException("no sample card " + name);
            }
            return parse(name, in.readAllBytes());
        } catch (IOException e) {
            throw new CardFileException(name + ": cannot read (" + e.getMessage() + ")");
        }
    }

    /** A shipped sample by name ({@code resident.json}) or a card file by path. */
    public static IdentityCard sampleOrFile(String nameOrPath) throws CardFileException {
        return SAMPLES.contains(nameOrPath) ? sample(nameOrPath) : load(Path.of(nameOrPath));
    }

    static IdentityCard parse(String source, JsonNode json) throws CardFileException {
        Fields f = new Fields(source, json);
        String type = f.text("cardType");
        CardBlob photo = new CardBlob(placeholderPhoto());
        IdentityCard card = switch (type) {
            case "RESIDENT" -> {
                String nation = f.text("nation");
                String nationCode = Nations.code(nation).orElseThrow(() -> f.bad("nation", "unknown nation " + nation));
                String id = f.text("idNumber");
                yield new IdentityCard.Resident(f.text("name"), f.gender(), nationCode, nation, f.date("birthDate"),
                        f.text("address"), id, IdNumbers.check(id), f.text("issuer"), f.date("validFrom"),
                        f.until(), photo, Optional.empty());
            }
            case "HMT_RESIDENCE" -> {
                String id = f.text("idNumber");
                yield new IdentityCard.HmtResidence(f.text("name"), f.gender(), f.date("birthDate"),
                        f.text("address"), id, IdNumbers.check(id), f.text("issuer"), f.date("validFrom"), f.until(),
                        f.text("passNumber"), f.number("issueCount"), photo, Optional.empty());
            }
            case "FOREIGN_PERMANENT" -> {
                String id = f.text("idNumber");
                yield new IdentityCard.ForeignPermanent(f.text("englishName"), f.optionalText("chineseName"),
                        f.gender(), id, IdNumbers.check(id), f.text("nationality"), f.date("birthDate"),
                        f.date("validFrom"), f.until(), f.text("cardVersion"), f.text("issuerCode"), photo,
                        Optional.empty());
            }
            default -> throw f.bad("cardType", "must be RESIDENT, FOREIGN_PERMANENT or HMT_RESIDENCE");
        };
        try {
            CardText.encode(card);
        } catch (IllegalArgumentException e) {
            throw new CardFileException(source + ": " + e.getMessage());
        }
        return card;
    }

    /** Stand-in for the WLT photo: real WLT needs the vendor's encoder, so simulated cards carry a fixed pattern. */
    private static byte[] placeholderPhoto() {
        byte[] photo = new byte[PHOTO_LENGTH];
        photo[0] = 'W';
        photo[1] = 'L';
        for (int i = 2; i < photo.length; i++) {
            photo[i] = (byte) (i * 31);
        }
        return photo;
    }

    private record Fields(String source, JsonNode json) {
        CardFileException bad(String field, String message) {
            return new CardFileException(source + ": " + field + ": " + message);
        }

        String optionalText(String field) throws CardFileException {
            JsonNode node = json.get(field);
            if (node == null || node.isNull()) {
                return "";
            }
            if (!node.isTextual()) {
                throw bad(field, "must be a string");
            }
            // The chip holds space-padded text that the reader strips, so edge spaces could not come back as they
            // are; control characters cannot be on a card at all.
            String value = node.asText();
            if (value.chars().anyMatch(Character::isISOControl)) {
                throw bad(field, "must not contain control characters");
            }
            return value.strip();
        }

        String text(String field) throws CardFileException {
            String value = optionalText(field);
            if (value.isBlank()) {
                throw bad(field, "missing");
            }
            return value;
        }

        int number(String field) throws CardFileException {
            JsonNode node = json.get(field);
            if (node == null || !node.canConvertToInt() || node.asInt() < 0 || node.asInt() > 99) {
                throw bad(field, "must be a number 0-99");
            }
            return node.asInt();
        }

        LocalDate date(String field) throws CardFileException {
            String value = text(field);
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                throw bad(field, "must be an ISO date (YYYY-MM-DD)");
            }
        }

        Optional<LocalDate> until() throws CardFileException {
            return text("validUntil").equals("长期") ? Optional.empty() : Optional.of(date("validUntil"));
        }

        Gender gender() throws CardFileException {
            String value = text("gender");
            for (Gender g : Gender.values()) {
                if (g.name().equals(value) || g.label().equals(value)) {
                    return g;
                }
            }
            throw bad("gender", "must be MALE, FEMALE, UNKNOWN or UNSPECIFIED");
        }
    }
}
