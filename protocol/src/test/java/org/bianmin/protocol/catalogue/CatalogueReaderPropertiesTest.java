package org.bianmin.protocol.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.bianmin.protocol.json.BoundedJson;
import org.junit.jupiter.api.io.TempDir;

/** Catalogue JSON from outside: garbage, mutated catalogues and deep nesting give a CatalogueException, nothing else. */
class CatalogueReaderPropertiesTest {

    private static final CatalogueReader READER = new CatalogueReader();
    private static final String SAMPLE = sample();

    @Property(tries = 300)
    void randomBytesGiveOnlyCatalogueExceptions(@ForAll @Size(max = 2000) byte[] json) {
        assertThat(catchThrowable(() -> READER.parse(json, "prop"))).isInstanceOf(CatalogueException.class);
    }

    @Property(tries = 300)
    void mutatedCataloguesGiveACatalogueOrACatalogueException(@ForAll("mutatedSamples") String json) {
        Throwable thrown = catchThrowable(() -> READER.parse(json.getBytes(StandardCharsets.UTF_8), "prop"));
        assertThat(thrown).satisfiesAnyOf(
                t -> assertThat(t).isNull(),
                t -> assertThat(t).isInstanceOf(CatalogueException.class));
    }

    /** The fuzz campaign's NullPointerException: Jackson's nesting-limit error has no location. */
    @Property(tries = 20)
    void deepNestingIsACatalogueExceptionNamingWhere(@ForAll @IntRange(min = 65, max = 20_000) int depth,
                                                     @ForAll boolean arrays) {
        String open = arrays ? "[" : "{\"a\":";
        String json = "{\"items\":" + open.repeat(depth);
        assertThatThrownBy(() -> READER.parse(json.getBytes(StandardCharsets.UTF_8), "deep.json"))
                .isInstanceOf(CatalogueException.class)
                .hasMessageContaining("deep.json")
                .hasMessageContaining("nesting depth")
                .hasMessageMatching("(?s).*line 1, column \\d+.*");
    }

    @Test
    void anOversizedFileIsRefusedBeforeItIsRead(@TempDir Path dir) throws IOException {
        Path huge = dir.resolve("huge.json");
        try (var out = Files.newOutputStream(huge)) {
            out.write(new byte[(int) BoundedJson.MAX_DOCUMENT_BYTES + 1]);
        }
        assertThatThrownBy(() -> READER.read(huge)).isInstanceOf(CatalogueException.class)
                .hasMessageContaining("larger than");
    }

    @Test
    void trailingGarbageAndNullAreRefused() {
        assertThatThrownBy(() -> READER.parse((SAMPLE + " {\"x\":1}").getBytes(StandardCharsets.UTF_8), "t"))
                .isInstanceOf(CatalogueException.class).hasMessageContaining("Trailing token");
        assertThatThrownBy(() -> READER.parse("null".getBytes(StandardCharsets.UTF_8), "n"))
                .isInstanceOf(CatalogueException.class);
        assertThatThrownBy(() -> READER.parse(new byte[0], "empty"))
                .isInstanceOf(CatalogueException.class);
    }

    @Provide
    Arbitrary<String> mutatedSamples() {
        Arbitrary<String> flipped = Arbitraries.integers().between(0, SAMPLE.length() - 1).flatMap(at ->
                Arbitraries.of('{', '}', '[', ']', '"', ',', ':', '0', 'n', ' ', '\\', '\u0000').map(c ->
                        SAMPLE.substring(0, at) + c + SAMPLE.substring(at + 1)));
        Arbitrary<String> truncated = Arbitraries.integers().between(0, SAMPLE.length() - 1)
                .map(at -> SAMPLE.substring(0, at));
        Arbitrary<String> nested = Arbitraries.integers().between(0, SAMPLE.length() - 1).flatMap(at ->
                Arbitraries.integers().between(50, 3000).map(depth ->
                        SAMPLE.substring(0, at) + "[".repeat(depth) + SAMPLE.substring(at)));
        return Arbitraries.oneOf(flipped, truncated, nested);
    }

    private static String sample() {
        try (InputStream in = CatalogueReader.class.getResourceAsStream("sample-catalogue.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
