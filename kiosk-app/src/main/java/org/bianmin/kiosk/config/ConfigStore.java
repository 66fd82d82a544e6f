package org.bianmin.kiosk.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bianmin.protocol.catalogue.CatalogueReader;

/** Loads and saves {@link KioskConfig}: defaults for missing fields, atomic writes, errors that name the field. */
public final class ConfigStore {

    private final ObjectMapper mapper = CatalogueReader.mapper().enable(SerializationFeature.INDENT_OUTPUT);
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
        KioskConfig config;
        try {
            ObjectNode merged = mapper.valueToTree(KioskConfig.defaults());
            JsonNode given = mapper.readTree(file.toFile());
            if (given == null || !given.isObject()) {
                throw new ConfigException(file, List.of("not a JSON object"));
            }
            merge(merged, (ObjectNode) given);
            config = mapper.treeToValue(merged, KioskConfig.class);
        } catch (IOException e) {
            throw new ConfigException(file, List.of(e.getMessage().lines().findFirst().orElse("unreadable")));
        }
        if (!config.problems().isEmpty()) {
            throw new ConfigException(file, config.problems());
        }
        return config;
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
