package org.bianmin.device.scanner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WedgeBurstDetectorTest {

    private static final long MS = 1_000_000;

    @Test
    void aFastBurstEndedByEnterIsAScan() {
        WedgeBurstDetector detector = new WedgeBurstDetector(WedgeBurstDetector.Options.defaults());
        List<WedgeBurstDetector.Event> events = type(detector, "FZ-GL-20261121-00042\r\n", 0, 8);
        assertThat(events).singleElement().isInstanceOfSatisfying(WedgeBurstDetector.Event.Scanned.class,
                s -> assertThat(((ScanResult.Scanned) s.result()).payload())
                        .isInstanceOf(ScanPayload.ReceiptCode.class));
        assertThat(detector.holding()).isFalse();
    }

    @Test
    void aPersonTypingIsReleasedAsTypedText() {
        WedgeBurstDetector detector = new WedgeBurstDetector(WedgeBurstDetector.Options.defaults());
        List<WedgeBurstDetector.Event> events = type(detector, "hello\r", 0, 150);
        assertThat(events).allMatch(e -> e instanceof WedgeBurstDetector.Event.Typed);
        assertThat(String.join("", events.stream().map(e -> ((WedgeBurstDetector.Event.Typed) e).text()).toList()))
                .isEqualTo("hello\r");
    }

    @Test
    void heldKeysAreReleasedByTheIdleTimerAndAShortFastRunIsTyping() {
        WedgeBurstDetector detector = new WedgeBurstDetector(WedgeBurstDetector.Options.defaults());
        type(detector, "ab", 0, 8);
        assertThat(detector.holding()).isTrue();
        assertThat(detector.idle(100 * MS)).containsExactly(new WedgeBurstDetector.Event.Typed("ab"));
        assertThat(type(detector, "ok\r", 200 * MS, 8)).containsExactly(new WedgeBurstDetector.Event.Typed("ok\r"));
    }

    private static List<WedgeBurstDetector.Event> type(WedgeBurstDetector d, String keys, long start, long gapMs) {
        List<WedgeBurstDetector.Event> events = new ArrayList<>();
        for (int i = 0; i < keys.length(); i++) {
            events.addAll(d.key(keys.charAt(i), start + i * gapMs * MS));
        }
        return events;
    }
}
