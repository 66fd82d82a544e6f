package org.bianmin.cache.sync;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.bianmin.protocol.api.RatingReason;
import org.bianmin.protocol.catalogue.CatalogueReader;

/**
 * The personal payload the kiosk puts in the outbox for each kind of entry (JSON), and how it is read back when
 * the entry is delivered.
 */
public final class SubmissionPayloads {

    private static final ObjectMapper JSON = CatalogueReader.mapper();

    /**
     * An application: the form values, the catalogue version the form came from, and the ID number of the card
     * (or e-ID) the applicant identified with — what their applications are found by later (null in entries
     * queued before that existed).
     */
    public record Application(long catalogueVersion, Map<String, String> fields, String holderIdNumber) {}

    /**
     * A rating: score 1–5, the reasons of a 差评, optional comment, and the receipt of the case rated (if any).
     * Entries queued before reasons existed have none (read as empty).
     */
    public record Rating(int score, List<RatingReason> reasons, String comment, String ratedReceiptNumber) {
        public Rating {
            reasons = reasons == null ? List.of() : List.copyOf(reasons);
        }
    }

    private SubmissionPayloads() {}

    public static byte[] write(Object payload) {
        try {
            return JSON.writeValueAsBytes(payload);
        } catch (IOException e) {
            throw new IllegalArgumentException("payload not serialisable: " + payload.getClass().getSimpleName(), e);
        }
    }

    /** Matches the payloads of applications made by the holder of {@code idNumber}; unreadable ones never match. */
    public static Predicate<byte[]> applicationBy(String idNumber) {
        return payload -> {
            try {
                return idNumber.equalsIgnoreCase(read(payload, Application.class).holderIdNumber());
            } catch (IOException e) {
                return false; // a rating, or damaged: not this holder's application
            }
        };
    }

    /** Reads a payload; a damaged one is an {@link IOException} whose message never quotes the content. */
    static <T> T read(byte[] payload, Class<T> type) throws IOException {
        try {
            return JSON.readValue(payload, type);
        } catch (IOException e) {
            throw new IOException("stored payload is not a valid " + type.getSimpleName());
        }
    }
}
