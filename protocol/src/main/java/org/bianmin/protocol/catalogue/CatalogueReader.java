package org.bianmin.protocol.catalogue;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.bianmin.protocol.json.BoundedJson;

/**
 * Reads catalogue JSON: first against the JSON Schema (structure, types, code formats), then semantic checks
 * the schema cannot express (unique codes, known departments, forms for kiosk items). Every problem names the
 * item and the field.
 */
public final class CatalogueReader {

    private static final String SCHEMA = "catalogue.schema.json";
    private static final String SAMPLE = "sample-catalogue.json";
    private static final DateTimeFormatter RFC_3339 = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");
    private static final Pattern ITEM_PATH = Pattern.compile("^/items/(\\d+)");

    private final ObjectMapper mapper = mapper();
    private final JsonSchema schema;

    public CatalogueReader() {
        try (InputStream in = resource(SCHEMA)) {
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, config);
        } catch (IOException e) {
            throw new UncheckedIOException("catalogue schema missing from the build", e);
        }
    }

    /**
     * The Jackson setup every component uses for catalogue and wire JSON: {@link BoundedJson}'s limits, ISO dates,
     * unknown properties rejected.
     */
    public static ObjectMapper mapper() {
        // RFC 3339 always with seconds: Jackson's default drops ":00", which JSON Schema's date-time rejects.
        SimpleModule rfc3339 = new SimpleModule().addSerializer(OffsetDateTime.class, new StdSerializer<>(
                OffsetDateTime.class) {
            @Override
            public void serialize(OffsetDateTime value, JsonGenerator gen, SerializerProvider provider)
                    throws IOException {
                gen.writeString(RFC_3339.format(value));
            }
        });
        return BoundedJson.mapper()
                .registerModule(new JavaTimeModule())
                .registerModule(rfc3339)
                .setSerializationInclusion(JsonInclude.Include.NON_NULL)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    public Catalogue read(Path file) throws CatalogueException {
        try {
            return parse(BoundedJson.readFile(file, BoundedJson.MAX_DOCUMENT_BYTES), file.toString());
        } catch (IOException e) {
            throw new CatalogueException(file.toString(), List.of("cannot read file: " + e.getMessage()));
        }
    }

    /** The sample catalogue bundled with the build (福州市鼓楼区, invented data). */
    public Catalogue readSample() {
        try (InputStream in = resource(SAMPLE)) {
            return parse(in.readAllBytes(), "bundled sample");
        } catch (IOException | CatalogueException e) {
            throw new IllegalStateException("the bundled sample catalogue is broken", e);
        }
    }

    public Catalogue parse(byte[] json, String source) throws CatalogueException {
        JsonNode tree;
        try {
            tree = BoundedJson.readTree(mapper, json);
        } catch (JsonProcessingException e) {
            throw new CatalogueException(source, List.of("not valid JSON: " + BoundedJson.describe(e)));
        } catch (IOException e) {
            throw new CatalogueException(source, List.of("cannot read: " + e.getMessage()));
        }
        if (!tree.isObject()) {
            throw new CatalogueException(source, List.of("not a JSON object"));
        }
        List<String> problems = new ArrayList<>();
        for (ValidationMessage message : schema.validate(tree)) {
            problems.add(describe(tree, message));
        }
        if (!problems.isEmpty()) {
            throw new CatalogueException(source, problems);
        }
        Catalogue catalogue;
        try {
            catalogue = mapper.treeToValue(tree, Catalogue.class);
        } catch (JsonProcessingException e) {
            throw new CatalogueException(source, List.of("cannot map: " + BoundedJson.describe(e)));
        }
        problems.addAll(semanticProblems(catalogue));
        if (!problems.isEmpty()) {
            throw new CatalogueException(source, problems);
        }
        return catalogue;
    }

    private static String describe(JsonNode tree, ValidationMessage message) {
        String path = message.getInstanceLocation().toString();
        String text = message.getMessage();
        if (text.startsWith(path + ": ")) {
            text = text.substring(path.length() + 2);
        }
        Matcher m = ITEM_PATH.matcher(path);
        if (!m.find()) {
            return (path.isEmpty() ? "catalogue" : path) + ": " + text;
        }
        int index = Integer.parseInt(m.group(1));
        JsonNode code = tree.path("items").path(index).path("code");
        String field = path.substring(m.end()).replaceFirst("^/", "").replace('/', '.');
        if (field.isEmpty() && message.getProperty() != null) {
            field = message.getProperty();
        }
        return "item " + (code.isTextual() ? code.asText() : "#" + (index + 1)) + " field '"
                + (field.isEmpty() ? "(item)" : field) + "': " + text;
    }

    private static List<String> semanticProblems(Catalogue catalogue) {
        List<String> problems = new ArrayList<>();
        Set<String> departments = new HashSet<>();
        for (Catalogue.Department d : catalogue.departments()) {
            if (!departments.add(d.code())) {
                problems.add("department " + d.code() + " field 'code': duplicate department code");
            }
        }
        Set<String> codes = new HashSet<>();
        for (ServiceItem item : catalogue.items()) {
            String where = "item " + item.code() + " field ";
            if (!codes.add(item.code())) {
                problems.add(where + "'code': duplicate item code");
            }
            if (!item.code().startsWith(item.implementingBody().code())) {
                problems.add(where + "'code': must start with implementingBody.code " + item.implementingBody().code());
            }
            if (!departments.contains(item.department())) {
                problems.add(where + "'department': unknown department " + item.department());
            }
            if (item.promisedTimeLimit().value() > item.legalTimeLimit().value()
                    && item.promisedTimeLimit().unit() == item.legalTimeLimit().unit()) {
                problems.add(where + "'promisedTimeLimit': longer than the legal time limit");
            }
            if (item.kioskHandleable() && item.form() == null) {
                problems.add(where + "'form': a kiosk-handleable item needs a form definition");
            }
            if (item.form() != null) {
                problems.addAll(formProblems(where, item.form()));
            }
        }
        for (Catalogue.Topic topic : catalogue.topics()) {
            for (String code : topic.itemCodes()) {
                if (!codes.contains(code)) {
                    problems.add("topic " + topic.code() + " field 'itemCodes': unknown item " + code);
                }
            }
        }
        return problems;
    }

    private static List<String> formProblems(String where, FormDefinition form) {
        List<String> problems = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (FormDefinition.Field field : form.fields()) {
            String at = where + "'form.fields." + field.key() + "'";
            if (!keys.add(field.key())) {
                problems.add(at + ": duplicate field key");
            }
            if (field.type() == FormDefinition.FieldType.CHOICE && field.options().isEmpty()) {
                problems.add(at + ": a CHOICE field needs options");
            }
            if (field.pattern() != null) {
                try {
                    Pattern.compile(field.pattern());
                } catch (PatternSyntaxException e) {
                    problems.add(at + ": pattern is not a valid regular expression");
                }
            }
        }
        return problems;
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = CatalogueReader.class.getResourceAsStream(name);
        if (in == null) {
            throw new IOException("resource " + name + " not found");
        }
        return in;
    }
}
