package org.bianmin.device.idcard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * Card files: random and mutated JSON gives a card the reader path reads back as it is, or a CardFileException
 * naming the file (and, for valid JSON, the field) — never an unchecked exception.
 */
class CardFilesPropertiesTest {

    @Property(tries = 300)
    void randomBytesAreRefusedNamingTheFile(@ForAll @Size(max = 500) byte[] json) {
        assertThatThrownBy(() -> CardFiles.parse("prop", json)).isInstanceOf(CardFiles.CardFileException.class)
                .hasMessageStartingWith("prop: ");
    }

    @Property(tries = 500)
    void aMutatedSampleIsACardTheReaderReadsBackOrAnErrorNamingTheField(@ForAll("mutatedSamples") String json) {
        IdentityCard card;
        try {
            card = CardFiles.parse("prop", json.getBytes(StandardCharsets.UTF_8));
        } catch (CardFiles.CardFileException e) {
            assertThat(e.getMessage()).matches("(?s)prop: (not valid JSON \\(.*\\)|[A-Za-z]+[: ].+)");
            return;
        }
        // What the simulated reader sends for this card decodes to the same card.
        assertThat(CardText.parse(CardText.encode(card), card.photo(), Optional.empty()))
                .isEqualTo(new CardText.Parse.Parsed(card));
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
