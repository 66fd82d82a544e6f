package org.bianmin.receipt;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.bianmin.protocol.json.BoundedJson;

/**
 * The receipt file format (documented in docs/printing.md): one JSON object with the {@link Receipt} components
 * as camelCase keys, {@code issuedAt} as an ISO-8601 offset date-time, {@code status} as {@code SUBMITTED},
 * {@code COMPLETED} or {@code SAVED_OFFLINE}. Unknown keys are errors so that a typo is not silently ignored.
 */
public final class ReceiptJson {

    /** A receipt is a few kilobytes. */
    private static final int MAX_FILE_BYTES = 1 << 20;
    private static final ObjectMapper MAPPER = BoundedJson.builder()
            .addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private ReceiptJson() {}

    public static Receipt read(Path file) throws ReceiptFormatException, IOException {
        return parse(new String(BoundedJson.readFile(file, MAX_FILE_BYTES), StandardCharsets.UTF_8));
    }

    public static Receipt parse(String json) throws ReceiptFormatException {
        try {
            Receipt r = MAPPER.readValue(json, Receipt.class);
            if (r == null) {
                throw new ReceiptFormatException("receipt JSON is empty", null);
            }
            return r;
        } catch (JsonProcessingException e) {
            // A record constructor's own check says best what is wrong; Jackson's wrapper says where.
            String why = e.getCause() instanceof IllegalArgumentException iae && iae.getMessage() != null
                    ? iae.getMessage().lines().findFirst().orElse("") : BoundedJson.describe(e);
            throw new ReceiptFormatException("not a valid receipt: " + why, e);
        }
    }

    public static String write(Receipt receipt) {
        try {
            return MAPPER.writeValueAsString(receipt);
        } catch (JacksonException e) {
            throw new IllegalStateException("a Receipt always serialises", e);
        }
    }
}
