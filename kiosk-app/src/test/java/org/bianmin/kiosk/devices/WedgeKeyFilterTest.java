package org.bianmin.kiosk.devices;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import org.bianmin.device.scanner.ScanPayload;
import org.bianmin.device.scanner.ScanResult;
import org.bianmin.device.scanner.WedgeBurstDetector;
import org.junit.jupiter.api.Test;

class WedgeKeyFilterTest {

    private long now;
    private final List<ScanResult> scans = new ArrayList<>();
    private final StringBuilder typed = new StringBuilder();
    private final WedgeKeyFilter filter = new WedgeKeyFilter(
            new WedgeBurstDetector(WedgeBurstDetector.Options.defaults()), () -> now, scans::add, typed::append);

    @Test
    void aScannerBurstBecomesOneScanAndNoKeysReachTheField() {
        List<KeyEvent> events = type("KIOSK-0001-20261122-0001U\r", 8);
        assertThat(events).allMatch(KeyEvent::isConsumed);
        assertThat(scans).singleElement().isInstanceOfSatisfying(ScanResult.Scanned.class,
                s -> assertThat(s.payload()).isInstanceOfSatisfying(ScanPayload.ReceiptCode.class,
                        r -> assertThat(r.receiptNumber()).isEqualTo("KIOSK-0001-20261122-0001U")));
        assertThat(typed).isEmpty();
    }

    @Test
    void aPersonTypingGetsTheirKeysBackOnceTheGapShowsIt() {
        type("ab", 250);
        now += 250_000_000L;
        filter.tick();
        assertThat(typed.toString()).isEqualTo("ab");
        assertThat(scans).isEmpty();
        assertThat(filter.holding()).isFalse();
    }

    @Test
    void shortcutsAndOtherEventsPassUntouched() {
        KeyEvent shortcut = new KeyEvent(KeyEvent.KEY_TYPED, "w", "", KeyCode.UNDEFINED, false, true, false, false);
        filter.handle(shortcut);
        KeyEvent pressed = new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.A, false, false, false, false);
        filter.handle(pressed);
        assertThat(shortcut.isConsumed()).isFalse();
        assertThat(pressed.isConsumed()).isFalse();
    }

    private List<KeyEvent> type(String text, long gapMillis) {
        List<KeyEvent> events = new ArrayList<>();
        for (char c : text.toCharArray()) {
            now += gapMillis * 1_000_000L;
            KeyEvent e = new KeyEvent(KeyEvent.KEY_TYPED, String.valueOf(c), "", KeyCode.UNDEFINED, false, false,
                    false, false);
            filter.handle(e);
            events.add(e);
        }
        return events;
    }
}
