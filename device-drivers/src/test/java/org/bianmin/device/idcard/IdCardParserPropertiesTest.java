package org.bianmin.device.idcard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

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
    private static final Duration HANG_GUARD = Duration.ofSeconds(10);

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

    /**
     * Every frame or invalid run consumes at least one byte, so a finite stream is used up within length + 1 reads
     * and the reader then times out. A reader that keeps returning results fails the count; one that blocks past its
     * deadline fails the hang guard (generous: it catches a hang, it does not measure speed).
     */
    @Property(tries = 200)
    void theFrameReaderUsesUpAnyStreamThenTimesOut(@ForAll("mutatedFrames") byte[] bytes) throws TransportException {
        MemoryLink link = new MemoryLink("prop");
        link.hostEnd().open();
        link.deviceEnd().open();
        link.deviceEnd().write(bytes, Duration.ofSeconds(1));
        FrameReader reader = new FrameReader(link.hostEnd());
        int reads = assertTimeoutPreemptively(HANG_GUARD, () -> {
            for (int i = 1; i <= bytes.length + 1; i++) {
                if (reader.next(Duration.ofMillis(20)) instanceof FrameReader.Result.TimedOut) {
                    return i;
                }
            }
            return -1;
        }, "the frame reader hung");
        assertThat(reads).as("reads until the reader timed out on a used-up stream").isPositive();
    }

    @Property(tries = 500)
    void randomTextIsACardOrARejectionNamingItsField(@ForAll @Size(min = 256, max = 256) byte[] text) {
        checkParse(text);
    }

    @Property(tries = 500)
    void mutatedTextIsACardOrARejectionNamingItsField(@ForAll("mutatedTexts") byte[] text) {
        checkParse(text);
    }

    /** A parsed card encodes back to a block that parses to the same card; a rejection names its field. */
    private static void checkParse(byte[] text) {
        CardBlob photo = new CardBlob(new byte[0]);
        switch (CardText.parse(text, photo, Optional.empty())) {
            case CardText.Parse.Parsed p -> assertThat(CardText.parse(CardText.encode(p.card()), photo,
                    Optional.empty())).isEqualTo(p);
            case CardText.Parse.Rejected r -> {
                assertThat(r.reason()).isNotNull();
                assertThat(r.message()).startsWith(r.field() + ": ");
            }
        }
    }

    /** Parts are exact slices covering the whole reply; anything else is Malformed with a reason. */
    @Property(tries = 500)
    void splittingReplyDataGivesExactPartsOrMalformed(@ForAll("replyData") byte[] data, @ForAll boolean fingerprint) {
        int header = fingerprint ? 6 : 4;
        switch (CardReply.split(data, fingerprint)) {
            case CardReply.Split.Parts p -> {
                assertThat(p.text()).hasSize(CardText.LENGTH)
                        .isEqualTo(Arrays.copyOfRange(data, header, header + CardText.LENGTH));
                int photoAt = header + CardText.LENGTH;
                assertThat(p.photo()).isEqualTo(Arrays.copyOfRange(data, photoAt, photoAt + p.photo().length));
                int fingerprintLength = p.fingerprint().map(f -> f.length).orElse(0);
                assertThat(header + CardText.LENGTH + p.photo().length + fingerprintLength).isEqualTo(data.length);
                assertThat(p.fingerprint().isPresent()).isEqualTo(fingerprint && fingerprintLength > 0);
            }
            case CardReply.Split.Malformed m -> assertThat(m.message()).isNotBlank();
        }
    }

    /** Random bytes, and replies whose length fields are right, nearly right or wrong. */
    @Provide
    Arbitrary<byte[]> replyData() {
        Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(2000);
        Arbitrary<byte[]> framed = Arbitraries.integers().between(0, 1500).flatMap(photo ->
                Arbitraries.integers().between(0, 600).flatMap(fp ->
                        Arbitraries.integers().between(-3, 3).flatMap(delta ->
                                Arbitraries.of(true, false).map(withFp -> {
                                    int header = withFp ? 6 : 4;
                                    int length = Math.max(0, header + CardText.LENGTH + photo + (withFp ? fp : 0)
                                            + delta);
                                    byte[] data = new byte[length];
                                    for (int i = 0; i < length; i++) {
                                        data[i] = (byte) (i * 7);
                                    }
                                    put(data, 0, CardText.LENGTH);
                                    put(data, 2, photo);
                                    if (withFp) {
                                        put(data, 4, fp);
                                    }
                                    return data;
                                }))));
        return Arbitraries.oneOf(random, framed);
    }

    private static void put(byte[] data, int at, int value) {
        if (data.length >= at + 2) {
            data[at] = (byte) (value >> 8);
            data[at + 1] = (byte) value;
        }
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
