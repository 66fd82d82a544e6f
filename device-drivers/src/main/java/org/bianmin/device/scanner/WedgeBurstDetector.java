package org.bianmin.device.scanner;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Keyboard-wedge (USB HID) mode as pure logic over (character, time) events: a scanner "types" its payload with
 * keys a few milliseconds apart and ends with its suffix, much faster than a person. Keys are held while they
 * could be a burst; a gap longer than {@code maxKeyGap} releases them as {@link Event.Typed} (a person typing),
 * a suffix after a fast run of at least {@code minLength} keys turns them into {@link Event.Scanned}. The UI
 * adapter (a JavaFX event filter in kiosk-app) consumes keys, feeds them here, replays {@code Typed} text, and
 * calls {@link #idle} from a timer so held keys are released. Not thread-safe: call from the UI thread.
 */
public final class WedgeBurstDetector {

    /**
     * @param maxKeyGap longest pause between two keys of one scan (scanners: 7–8 ms, rarely 16 ms)
     * @param minLength fewest keys that make a scan rather than a quick person
     * @param suffix    {@link Suffix#CR}, {@link Suffix#LF} or {@link Suffix#CRLF} (Enter), or {@link Suffix#NONE}
     *                  to end bursts by the gap alone
     */
    public record Options(Duration maxKeyGap, int minLength, Suffix suffix, PayloadRules rules) {
        public Options {
            Objects.requireNonNull(maxKeyGap, "maxKeyGap");
            Objects.requireNonNull(suffix, "suffix");
            Objects.requireNonNull(rules, "rules");
            if (minLength < 2 || suffix == Suffix.ETX) {
                throw new IllegalArgumentException("minLength must be at least 2, and a wedge cannot type ETX");
            }
        }

        public static Options defaults() {
            return new Options(Duration.ofMillis(30), 6, Suffix.CR, PayloadRules.defaults());
        }
    }

    public sealed interface Event {
        record Scanned(ScanResult result) implements Event {}

        /** Keys a person typed, to be delivered as typed. */
        record Typed(String text) implements Event {}
    }

    private final Options options;
    private final StringBuilder held = new StringBuilder();
    private long lastKeyAt;
    private boolean swallowLineFeed;

    public WedgeBurstDetector(Options options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /** One key typed at {@code nanoTime}. */
    public List<Event> key(char c, long nanoTime) {
        List<Event> events = new ArrayList<>(idle(nanoTime));
        boolean afterScan = swallowLineFeed;
        swallowLineFeed = false;
        if (c == '\n' && afterScan) {
            return events;
        }
        if (isSuffix(c)) {
            if (held.length() >= options.minLength()) {
                events.add(new Event.Scanned(options.rules().fromText(held.toString(), StandardCharsets.UTF_16)));
                swallowLineFeed = c == '\r';
            } else {
                events.add(new Event.Typed(held.toString() + c));
            }
            clear();
            return events;
        }
        held.append(c);
        lastKeyAt = nanoTime;
        return events;
    }

    /** Time passing without a key; releases held keys once the gap shows a person is typing. */
    public List<Event> idle(long nanoTime) {
        if (held.isEmpty() || nanoTime - lastKeyAt <= options.maxKeyGap().toNanos()) {
            return List.of();
        }
        Event event = options.suffix() == Suffix.NONE && held.length() >= options.minLength()
                ? new Event.Scanned(options.rules().fromText(held.toString(), StandardCharsets.UTF_16))
                : new Event.Typed(held.toString());
        clear();
        return List.of(event);
    }

    /** Whether keys are being held (the adapter should keep its idle timer running). */
    public boolean holding() {
        return !held.isEmpty();
    }

    private boolean isSuffix(char c) {
        return switch (options.suffix()) {
            case CR, CRLF -> c == '\r' || c == '\n';
            case LF -> c == '\n';
            case NONE, ETX -> false;
        };
    }

    private void clear() {
        held.setLength(0);
    }
}
