package org.bianmin.kiosk.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bianmin.protocol.catalogue.CatalogueReader;
import org.bianmin.protocol.json.BoundedJson;

/**
 * Loads and saves {@link KioskConfig}: defaults for missing fields, atomic writes, errors that name the field.
 * Whatever the file holds — a null, a value of the wrong type (no coercion: {@code "60"} is not a number, {@code 1.5}
 * not a whole one, {@code 5} not a text), an empty text where a value is needed, a number out of range, a file over
 * {@value #MAX_BYTES} bytes or nested too deep — loading ends in a {@link ConfigException} naming the field, never in
 * an unchecked exception.
 */
public final class ConfigStore {

    /** A config with a few devices and keys is a few kilobytes. */
    static final int MAX_BYTES = 1 << 20;

    private final ObjectMapper mapper = BoundedJson.strict(CatalogueReader.mapper()).enable(SerializationFeature.INDENT_OUTPUT);
    private final Path file;

    public ConfigStore(Path file) {
        this.file = file;
    }

    /** Reads the config, writing the defaults first when there is no file yet. */
    public KioskConfig loadOrCreate() throws ConfigException {
        if (!Files.exists(file)) {
            save(KioskConfig.defaults());
            return KioskConfig.defaults();
        }
        JsonNode given;
        try {
            given = BoundedJson.readTree(mapper, BoundedJson.readFile(file, MAX_BYTES));
        } catch (JsonProcessingException e) {
            throw new ConfigException(file, List.of("not valid JSON: " + BoundedJson.describe(e)));
        } catch (IOException e) {
            throw new ConfigException(file, List.of("cannot read: " + e.getMessage()));
        }
        if (!(given instanceof ObjectNode object)) {
            throw new ConfigException(file, List.of("not a JSON object"));
        }
        List<String> nulls = new ArrayList<>();
        findNulls(object, "", nulls);
        if (!nulls.isEmpty()) {
            throw new ConfigException(file, nulls);
        }
        KioskConfig config;
        try {
            ObjectNode merged = mapper.valueToTree(KioskConfig.defaults());
            merge(merged, object);
            config = mapper.treeToValue(merged, KioskConfig.class);
        } catch (JsonProcessingException e) {
            throw new ConfigException(file, List.of(BoundedJson.describe(e)));
        }
        if (!config.problems().isEmpty()) {
            throw new ConfigException(file, config.problems());
        }
        return config;
    }

    /**
     * A {@code null} anywhere is an error naming its place: "no value" is said by leaving the field out (its default
     * applies), and a null would otherwise reach the records as a missing list entry or a silent zero.
     */
    private static void findNulls(JsonNode node, String at, List<String> problems) {
        if (node.isNull()) {
            problems.add(at + ": null is not a value; leave the field out to use its default");
        } else if (node.isObject()) {
            node.properties().forEach(f -> findNulls(f.getValue(), at.isEmpty() ? f.getKey() : at + "." + f.getKey(),
                    problems));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                findNulls(node.get(i), at + "[" + i + "]", problems);
            }
        }
    }

    /** Given fields replace the defaults; a given object ({@code "admin"}) keeps the defaults of its missing fields. */
    private static void merge(ObjectNode defaults, ObjectNode given) {
        given.properties().forEach(field -> {
            if (defaults.get(field.getKey()) instanceof ObjectNode inner && field.getValue() instanceof ObjectNode over) {
                merge(inner, over);
            } else {
                defaults.set(field.getKey(), field.getValue());
            }
        });
    }

    /** Writes to a temporary file and moves it into place, so a crash never leaves half a config. */
    public void save(KioskConfig config) throws ConfigException {
        try {
            AtomicFile.write(file, mapper.writeValueAsBytes(config));
        } catch (IOException e) {
            throw new ConfigException(file, List.of("cannot write: " + e.getMessage()));
        }
    }

    public static final class ConfigException extends Exception {
        public ConfigException(Path file, List<String> problems) {
            super("Invalid kiosk config " + file + ": " + String.join("; ", problems));
        }
    }
}
