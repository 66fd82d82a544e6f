package org.bianmin.device.idcard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.bianmin.device.transport.MemoryLink;
import org.bianmin.device.transport.TransportException;

/** Random and mutated input never makes a parser throw an unchecked exception or hang. */
class IdCardParserPropertiesTest {

    private static final byte[] GOOD_FRAME = goodFrame();

    private static byte[] goodFrame() {
        try {
            IdentityCard card = CardFiles.sample("resident.json");
            return FrameCodec.reply(0x90, CardReply.join(CardText.encode(card), card.photo().bytes(),
                    Optional.empty()));
        } catch (CardFiles.CardFileException e) {
            throw new IllegalStateException(e);
        }
    }

    @Property(tries = 500)
    void decodingRandomBytesNeverThrows(@ForAll @Size(max = 3000) byte[] bytes) {
        checkDecode(bytes);
    }

    @Property(tries = 500)
    void decodingMutatedFramesNeverThrows(@ForAll("mutatedFrames") byte[] bytes) {
        checkDecode(bytes);
    }

    private static void checkDecode(byte[] bytes) {
        int length = bytes.length;
        byte[] buffer = bytes.clone();
        // Repeated decoding always makes progress or stops: no endless loop on any input.
        for (int rounds = 0; rounds <= bytes.length + 1 && length > 0; rounds++) {
            FrameCodec.Decoded d = FrameCodec.decode(buffer, length);
            int used = switch (d) {
                case FrameCodec.Decoded.Frame f -> f.consumed();
                case FrameCodec.Decoded.Invalid i -> i.consumed();
                case FrameCodec.Decoded.Incomplete inc -> inc.skippable();
            };
            assertThat(used).isBetween(0, length);
            if (used == 0) {
                break;
            }
            System.arraycopy(buffer, used, buffer, 0, length - used);
            length -= used;
        }
    }

    @Property(tries = 200)
    void theFrameReaderReturnsOnAnyStream(@ForAll("mutatedFrames") byte[] bytes) throws TransportException {
        MemoryLink link = new MemoryLink("prop");
        link.hostEnd().open();
        link.deviceEnd().open();
        link.deviceEnd().write(bytes, Duration.ofSeconds(1));
        FrameReader reader = new FrameReader(link.hostEnd());
        for (int i = 0; i < 50; i++) {
            if (reader.next(Duration.ofMillis(1)) instanceof FrameReader.Result.TimedOut) {
                return;
            }
        }
    }

    @Property(tries = 500)
    void parsingRandomTextNeverThrows(@ForAll @Size(min = 256, max = 256) byte[] text) {
        assertThat(CardText.parse(text, new CardBlob(new byte[0]), Optional.empty())).isNotNull();
    }

    @Property(tries = 500)
    void parsingMutatedTextNeverThrows(@ForAll("mutatedTexts") byte[] text) {
        assertThat(CardText.parse(text, new CardBlob(new byte[0]), Optional.empty())).isNotNull();
    }

    @Property(tries = 500)
    void splittingRandomReplyDataNeverThrows(@ForAll @Size(max = 2000) byte[] data, @ForAll boolean fingerprint) {
        assertThat(CardReply.split(data, fingerprint)).isNotNull();
    }

    @Provide
    Arbitrary<byte[]> mutatedFrames() {
        return mutationsOf(GOOD_FRAME);
    }

    @Provide
    Arbitrary<byte[]> mutatedTexts() {
        return mutationsOf(Arrays.copyOfRange(GOOD_FRAME, 14, 270)).filter(t -> t.length == 256);
    }

    /** Flipped bytes, truncations, duplications and insertions of a valid input. */
    private static Arbitrary<byte[]> mutationsOf(byte[] original) {
        Arbitrary<Integer> at = Arbitraries.integers().between(0, original.length - 1);
        Arbitrary<Byte> value = Arbitraries.bytes();
        Arbitrary<byte[]> flipped = Arbitraries.integers().between(1, 8).flatMap(n ->
                at.list().ofSize(n).flatMap(positions -> value.list().ofSize(n).map(values -> {
                    byte[] copy = original.clone();
                    for (int i = 0; i < n; i++) {
                        copy[positions.get(i)] = values.get(i);
                    }
                    return copy;
                })));
        Arbitrary<byte[]> truncated = at.map(n -> Arrays.copyOf(original, n));
        Arbitrary<byte[]> doubled = at.map(n -> {
            byte[] copy = Arrays.copyOf(original, original.length + n);
            System.arraycopy(original, 0, copy, original.length, n);
            return copy;
        });
        Arbitrary<byte[]> inserted = at.flatMap(n -> Arbitraries.bytes().array(byte[].class).ofMaxSize(40)
                .map(junk -> {
                    byte[] copy = new byte[original.length + junk.length];
                    System.arraycopy(original, 0, copy, 0, n);
                    System.arraycopy(junk, 0, copy, n, junk.length);
                    System.arraycopy(original, n, copy, n + junk.length, original.length - n);
                    return copy;
                }));
        return Arbitraries.oneOf(List.of(flipped, truncated, doubled, inserted));
    }
}
