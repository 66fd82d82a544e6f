package org.bianmin.device.scanner;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class ScanFramerTest {

    private static final long MS = 1_000_000;

    @ParameterizedTest
    @EnumSource(value = Suffix.class, names = {"CR", "LF", "CRLF", "ETX"})
    void aSuffixEndsAPayloadEvenWhenSplitAcrossReads(Suffix suffix) {
        ScanFramer framer = new ScanFramer(suffix, Duration.ofMillis(100), 64);
        byte[] wire = concat("ABC-123".getBytes(StandardCharsets.US_ASCII), suffix.bytes(),
                "X".getBytes(StandardCharsets.US_ASCII), suffix.bytes());
        List<ScanFramer.Framed> first = framer.feed(wire, 0, 8, 0);
        List<ScanFramer.Framed> rest = framer.feed(wire, 8, wire.length - 8, MS);
        List<ScanFramer.Framed> all = new java.util.ArrayList<>(first);
        all.addAll(rest);
        assertThat(all).hasSize(2);
        assertThat(((ScanFramer.Framed.Payload) all.get(0)).bytes()).asString().isEqualTo("ABC-123");
        assertThat(((ScanFramer.Framed.Payload) all.get(1)).bytes()).asString().isEqualTo("X");
    }

    @Test
    void withoutSuffixTheIdleGapDelimits() {
        ScanFramer framer = new ScanFramer(Suffix.NONE, Duration.ofMillis(50), 64);
        assertThat(framer.feed("HELLO".getBytes(StandardCharsets.US_ASCII), 0, 5, 0)).isEmpty();
        assertThat(framer.idle(49 * MS)).isEmpty();
        assertThat(framer.nanosUntilIdle(49 * MS)).isEqualTo(MS);
        assertThat(framer.idle(50 * MS)).singleElement().isInstanceOfSatisfying(ScanFramer.Framed.Payload.class,
                p -> assertThat(p.bytes()).asString().isEqualTo("HELLO"));
        assertThat(framer.nanosUntilIdle(60 * MS)).isEqualTo(-1);
    }

    @Test
    void silenceBeforeTheSuffixIsAPartialPayload() {
        ScanFramer framer = new ScanFramer(Suffix.CR, Duration.ofMillis(50), 64);
        framer.feed("HALF".getBytes(StandardCharsets.US_ASCII), 0, 4, 0);
        assertThat(framer.idle(60 * MS)).containsExactly(new ScanFramer.Framed.Partial(4));
    }

    @Test
    void anOverlongPayloadIsReportedOnceAndTheNextOneIsClean() {
        ScanFramer framer = new ScanFramer(Suffix.CR, Duration.ofMillis(50), 8);
        byte[] wire = concat("0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII), Suffix.CR.bytes(),
                "OK".getBytes(StandardCharsets.US_ASCII), Suffix.CR.bytes());
        List<ScanFramer.Framed> out = framer.feed(wire, 0, wire.length, 0);
        assertThat(out).hasSize(2);
        assertThat(out.get(0)).isEqualTo(new ScanFramer.Framed.Overlong(16));
        assertThat(((ScanFramer.Framed.Payload) out.get(1)).bytes()).asString().isEqualTo("OK");
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
