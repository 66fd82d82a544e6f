package org.bianmin.kiosk.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.bianmin.protocol.catalogue.CatalogueReader;
import org.bianmin.protocol.signing.Ed25519Keys;

/**
 * config.json as a hand edit or a damaged disk leaves it: every field set to null, a wrong type, empty, out of range
 * or deeply nested gives a {@link ConfigStore.ConfigException} naming that field, never an unchecked exception.
 */
class ConfigStorePropertiesTest {

    private static final ObjectMapper JSON = CatalogueReader.mapper();
    private static final String DEEP = "\"@deep@\"";

    /** Every field of the file, nested ones included (a full config with a PIN and a key, so each path exists). */
    private static final List<String> PATHS = List.of("kioskId", "portalUrl", "language", "idleSeconds",
            "elderIdleSeconds", "idleCountdownSeconds", "portalToken", "trustedKeys", "trustedKeys[0]",
            "trustedKeys[0].keyId", "trustedKeys[0].publicKey", "devices", "devices[0]", "devices[0].name",
            "devices[0].driver", "devices[0].port", "devices[0].baud", "devices[0].options",
            "devices[0].options.card", "admin", "admin.idleSeconds", "admin.technicianPin",
            "admin.technicianPin.iterations", "admin.technicianPin.salt");

    private static final KioskConfig FULL = KioskConfig.defaults()
            .withPortal(KioskConfig.defaults().portalUrl(), "token",
                    List.of(Ed25519Keys.toFile(Ed25519Keys.generate()).publicOnly()))
            .withAdmin(AdminConfig.defaults().withTechnicianPin(new AdminConfig.StoredPin("PBKDF2WithHmacSHA256",
                    AdminConfig.StoredPin.MIN_ITERATIONS, "c2FsdA==", "aGFzaA==")));

    @Property(tries = 600)
    void everyBadValueOfEveryFieldIsAConfigExceptionNamingTheField(@ForAll("paths") String path,
                                                                  @ForAll("badValues") String value)
            throws Exception {
        ScratchFile.with(withValue(path, value).getBytes(StandardCharsets.UTF_8), file -> assertThat(
                catchThrowable(() -> new ConfigStore(file).loadOrCreate())).satisfiesAnyOf(
                        t -> assertThat(t).isNull(),
                        t -> assertThat(t).isInstanceOf(ConfigStore.ConfigException.class)
                                .hasMessageContaining(value.equals(DEEP) ? "nesting depth" : topField(path))));
    }

    @Property(tries = 200)
    void randomBytesAreConfigExceptions(@ForAll @Size(max = 300) byte[] bytes) throws Exception {
        ScratchFile.with(bytes, file -> assertThat(catchThrowable(() -> new ConfigStore(file).loadOrCreate()))
                .isInstanceOf(ConfigStore.ConfigException.class));
    }

    @Provide
    Arbitrary<String> paths() {
        return Arbitraries.of(PATHS);
    }

    @Provide
    Arbitrary<String> badValues() {
        return Arbitraries.of("null", "\"\"", "\" \"", "\"x\"", "\"relative/path\"", "\"http:opaque\"",
                "\"60\"", "0", "-1", "14", "3601", "2147483647", "2147483648", "-2147483649", "1.5", "1e400",
                "true", "[]", "{}", "[null]", "{\"a\":null}", "[1,2]", "{\"unknown\":1}", DEEP);
    }

    private static String topField(String path) {
        return path.split("[.\\[]")[0];
    }

    /** The full valid config as JSON text with the value at {@code path} replaced by {@code value} (raw JSON). */
    private static String withValue(String path, String value) throws IOException {
        ObjectNode root = JSON.valueToTree(FULL);
        String[] steps = path.split("\\.");
        JsonNode parent = root;
        for (int i = 0; i < steps.length - 1; i++) {
            parent = step(parent, steps[i]);
        }
        String last = steps[steps.length - 1];
        String marker = "@value@";
        if (last.endsWith("]")) {
            ArrayNode array = (ArrayNode) step(parent, last.substring(0, last.indexOf('[')));
            array.set(Integer.parseInt(last.substring(last.indexOf('[') + 1, last.length() - 1)), marker);
        } else {
            ((ObjectNode) parent).put(last, marker);
        }
        String raw = value.equals(DEEP) ? "[".repeat(5000) + "]".repeat(5000) : value;
        return JSON.writeValueAsString(root).replace("\"" + marker + "\"", raw);
    }

    private static JsonNode step(JsonNode node, String step) {
        if (step.endsWith("]")) {
            int open = step.indexOf('[');
            return node.get(step.substring(0, open)).get(Integer.parseInt(step.substring(open + 1, step.length() - 1)));
        }
        return node.get(step);
    }
}
