package org.bianmin.device.idcard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/** Card files: random and mutated JSON gives a card or a CardFileException, never an unchecked exception. */
class CardFilesPropertiesTest {

    @Property(tries = 300)
    void randomBytesNeverThrowUnchecked(@ForAll @Size(max = 500) byte[] json) {
        assertThat(outcome(json)).isNotNull();
    }

    @Property(tries = 500)
    void mutatedSampleCardsNeverThrowUnchecked(@ForAll("mutatedSamples") String json) {
        assertThat(outcome(json.getBytes(StandardCharsets.UTF_8))).isNotNull();
    }

    private static Object outcome(byte[] json) {
        try {
            return CardFiles.parse("prop", json);
        } catch (CardFiles.CardFileException e) {
            return e;
        }
    }

    @Provide
    Arbitrary<String> mutatedSamples() {
        return Arbitraries.of(CardFiles.SAMPLES).map(CardFilesPropertiesTest::text).flatMap(text ->
                Arbitraries.integers().between(0, text.length() - 1).flatMap(at ->
                        Arbitraries.strings().ofMaxLength(12).flatMap(junk -> Arbitraries.of(true, false)
                                .map(insert -> insert
                                        ? text.substring(0, at) + junk + text.substring(at)
                                        : text.substring(0, at) + junk + text.substring(Math.min(text.length(),
                                                at + junk.length() + 1))))));
    }

    private static String text(String sample) {
        try (InputStream in = CardFiles.class.getResourceAsStream("cards/" + sample)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
