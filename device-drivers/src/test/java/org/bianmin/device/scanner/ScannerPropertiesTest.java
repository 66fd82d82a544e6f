package org.bianmin.device.scanner;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Random input never makes the scanner's pure parts throw, and the framer's buffer stays bounded. */
class ScannerPropertiesTest {

    @Property(tries = 500)
    void framingAndClassifyingRandomBytesNeverThrows(@ForAll @Size(max = 5000) byte[] bytes,
                                                     @ForAll Suffix suffix, @ForAll @IntRange(min = 1, max = 300) int chunk) {
        ScanFramer framer = new ScanFramer(suffix, Duration.ofMillis(50), 256);
        PayloadRules rules = PayloadRules.defaults();
        long now = 0;
        for (int at = 0; at < bytes.length; at += chunk) {
            now += 1_000_000;
            for (ScanFramer.Framed f : framer.feed(bytes, at, Math.min(chunk, bytes.length - at), now)) {
                if (f instanceof ScanFramer.Framed.Payload p) {
                    assertThat(p.bytes().length).isLessThanOrEqualTo(256);
                    assertThat(rules.fromBytes(p.bytes())).isNotNull();
                }
            }
        }
        assertThat(framer.idle(now + 60_000_000)).hasSizeLessThanOrEqualTo(1);
        assertThat(rules.fromBytes(bytes)).isNotNull();
    }

    @Property(tries = 300)
    void theWedgeDetectorAcceptsAnyKeysAtAnyPace(@ForAll @Size(max = 200) List<Character> keys,
                                                  @ForAll @Size(max = 200) List<@IntRange(min = 0, max = 200) Integer> gaps) {
        WedgeBurstDetector detector = new WedgeBurstDetector(WedgeBurstDetector.Options.defaults());
        long now = 0;
        for (int i = 0; i < keys.size(); i++) {
            now += (gaps.isEmpty() ? 5 : gaps.get(i % gaps.size())) * 1_000_000L;
            assertThat(detector.key(keys.get(i), now)).isNotNull();
        }
        detector.idle(now + 1_000_000_000L);
        assertThat(detector.holding()).isFalse();
    }
}
