package org.bianmin.protocol.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** Key files from disk: garbage gives a SigningException when read and when used, never an unchecked exception. */
class KeyFilePropertiesTest {

    @Property(tries = 200)
    void randomBytesGiveOnlySigningExceptions(@ForAll @Size(max = 500) byte[] bytes) throws IOException {
        assertThat(readAndUse(bytes)).isInstanceOf(SigningException.class);
    }

    @Property(tries = 300)
    void documentsOfTheRightShapeButWrongValuesGiveOnlySigningExceptions(@ForAll("keyLikeDocuments") String json)
            throws IOException {
        Throwable thrown = readAndUse(json.getBytes(StandardCharsets.UTF_8));
        assertThat(thrown).satisfiesAnyOf(
                t -> assertThat(t).isNull(),
                t -> assertThat(t).isInstanceOf(SigningException.class));
    }

    @Test
    void nullAndEmptyDocumentsAreSigningExceptions() throws IOException {
        // Before: "null" read as a null KeyFile and publicKey(null) threw a NullPointerException.
        assertThat(readAndUse("null".getBytes(StandardCharsets.UTF_8))).isInstanceOf(SigningException.class)
                .hasMessageContaining("found null");
        assertThat(readAndUse(new byte[0])).isInstanceOf(SigningException.class);
    }

    private static Throwable readAndUse(byte[] bytes) throws IOException {
        Path file = Files.createTempFile("key", ".json");
        try {
            Files.write(file, bytes);
            return catchThrowable(() -> {
                KeyFile key = Ed25519Keys.read(file);
                Ed25519Keys.publicKey(key);
                TrustedKeys.of(List.of(key));
                Ed25519Keys.privateKey(key);
            });
        } finally {
            Files.delete(file);
        }
    }

    @Provide
    Arbitrary<String> keyLikeDocuments() {
        Arbitrary<String> value = Arbitraries.oneOf(
                Arbitraries.just("null"), Arbitraries.just("1"), Arbitraries.just("[]"), Arbitraries.just("{}"),
                Arbitraries.just("\"Ed25519\""), Arbitraries.just("\"\""),
                Arbitraries.strings().ofMaxLength(40).map(s -> "\"" + s.replace("\\", "").replace("\"", "") + "\""));
        return Arbitraries.of("keyId", "algorithm", "publicKey", "privateKey", "other").list().ofMaxSize(5)
                .flatMap(names -> value.list().ofSize(names.size()).map(values -> {
                    StringBuilder sb = new StringBuilder("{");
                    for (int i = 0; i < names.size(); i++) {
                        sb.append(i == 0 ? "" : ",").append('"').append(names.get(i)).append("\":").append(values.get(i));
                    }
                    return sb.append('}').toString();
                }));
    }
}
