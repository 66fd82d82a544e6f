package org.bianmin.protocol.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Objects;

/**
 * The one place JSON reading is bounded: every mapper the kiosk reads with (catalogues, signature files, key files,
 * {@code config.json}, {@code admin-lock.json}, portal answers) is built here, so deeply nested, oversized or
 * trailing-garbage input fails with a {@link JsonProcessingException} instead of a stack overflow, an unbounded
 * allocation or a silently ignored tail.
 *
 * <p>Limits: nesting {@value #MAX_DEPTH} levels (the deepest real document, a catalogue form, needs about 8), strings
 * {@value #MAX_STRING_CHARS} characters, numbers {@value #MAX_NUMBER_CHARS} digits, a document
 * {@value #MAX_DOCUMENT_BYTES} bytes (a 10,000-item catalogue is 3.3 MB). {@link #describe} turns any Jackson error
 * into one line naming where (field path, or line and column) — Jackson's own location is null for limit errors.
 */
public final class BoundedJson {

    public static final int MAX_DEPTH = 64;
    public static final int MAX_STRING_CHARS = 1 << 20;
    public static final int MAX_NUMBER_CHARS = 64;
    public static final long MAX_DOCUMENT_BYTES = 64L << 20;

    private static final StreamReadConstraints LIMITS = StreamReadConstraints.builder()
            .maxNestingDepth(MAX_DEPTH)
            .maxStringLength(MAX_STRING_CHARS)
            .maxNumberLength(MAX_NUMBER_CHARS)
            .maxNameLength(MAX_STRING_CHARS)
            .maxDocumentLength(MAX_DOCUMENT_BYTES)
            .build();

    private BoundedJson() {}

    /** A mapper builder over the bounded factory; trailing content after the document is an error. */
    public static JsonMapper.Builder builder() {
        return JsonMapper.builder(JsonFactory.builder().streamReadConstraints(LIMITS).build())
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /** A plain bounded mapper (no modules). */
    public static ObjectMapper mapper() {
        return builder().build();
    }

    /**
     * Makes {@code mapper} refuse wrong types instead of coercing them ({@code "60"} as 60, 1.9 as 1, 5 as "5", an
     * empty text as null) and nulls for primitive fields: for files people or programs may get wrong, where a
     * coerced value would pass validation as something nobody wrote. Returns the same mapper.
     */
    public static ObjectMapper strict(ObjectMapper mapper) {
        for (CoercionInputShape shape : CoercionInputShape.values()) {
            mapper.coercionConfigDefaults().setCoercion(shape, CoercionAction.Fail);
        }
        return mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    }

    /**
     * Reads a whole file of at most {@code maxBytes}: a file that grew (or was replaced by something huge) is refused
     * before it is loaded.
     */
    public static byte[] readFile(Path file, long maxBytes) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes((int) Math.min(maxBytes + 1, Integer.MAX_VALUE - 8));
            if (bytes.length > maxBytes) {
                throw new IOException("larger than " + maxBytes + " bytes");
            }
            return bytes;
        }
    }

    /**
     * Reads a JSON document that must be present: {@code null} (the literal, or an empty input) is an error, so
     * callers never hold a null record. Errors carry the place where reading stopped, limit errors included.
     */
    public static <T> T readValue(ObjectMapper mapper, byte[] json, Class<T> type) throws IOException {
        return readValue(mapper, json, mapper.constructType(type));
    }

    /** {@link #readValue(ObjectMapper, byte[], Class)} for a generic type; a list may hold no null entries either. */
    public static <T> T readValue(ObjectMapper mapper, byte[] json, JavaType type) throws IOException {
        try (JsonParser parser = mapper.createParser(json)) {
            T value;
            try {
                value = mapper.readValue(parser, type);
            } catch (StreamConstraintsException e) {
                throw located(parser, e);
            }
            if (value == null) {
                throw new JsonParseException(parser, "a JSON document is required, found null or nothing");
            }
            if (value instanceof Collection<?> entries && entries.stream().anyMatch(Objects::isNull)) {
                throw new JsonParseException(parser, "a list entry is null");
            }
            return value;
        }
    }

    /** Reads a tree; like {@link #readValue}, an empty input or {@code null} is an error, limit errors name the place. */
    public static JsonNode readTree(ObjectMapper mapper, byte[] json) throws IOException {
        try (JsonParser parser = mapper.createParser(json)) {
            JsonNode tree;
            try {
                tree = mapper.readTree(parser);
            } catch (StreamConstraintsException e) {
                throw located(parser, e);
            }
            if (tree == null || tree.isNull() || tree.isMissingNode()) {
                throw new JsonParseException(parser, "a JSON document is required, found null or nothing");
            }
            return tree;
        }
    }

    /** Jackson's limit errors carry no location; the parser still knows where it stopped. */
    private static JsonParseException located(JsonParser parser, StreamConstraintsException e) {
        return new JsonParseException(parser, e.getOriginalMessage(), e);
    }

    /**
     * One line saying what is wrong and where: {@code field 'a.b[2]': …} for a mapping error, {@code line L,
     * column C: …} for a syntax error, the bare message where Jackson knows no place (a limit was hit).
     */
    public static String describe(JsonProcessingException e) {
        String what = e.getOriginalMessage() == null ? e.getClass().getSimpleName()
                : e.getOriginalMessage().lines().findFirst().orElse("").strip();
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            return "field '" + path(m) + "': " + what;
        }
        JsonLocation at = e.getLocation();
        if (at != null && at.getLineNr() > 0) {
            return "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": " + what;
        }
        return what;
    }

    private static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                sb.append(sb.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }
}
