package org.bianmin.device.scanner;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Cuts a scanner's byte stream into payloads, as pure logic over (bytes, time): a payload ends at the suffix, or
 * after {@code idleGap} of silence. With a suffix configured, silence before the suffix means a partial payload;
 * with {@link Suffix#NONE}, silence is the delimiter. Bytes beyond {@code maxBytes} are dropped up to the next
 * delimiter and reported once. Not thread-safe.
 */
public final class ScanFramer {

    /** One framed unit. */
    public sealed interface Framed {
        record Payload(byte[] bytes) implements Framed {}

        record Overlong(int bytesSeen) implements Framed {}

        record Partial(int bytesSeen) implements Framed {}
    }

    private final Suffix suffix;
    private final long idleGapNanos;
    private final int maxBytes;
    private final byte[] buffer;
    private int filled;
    private int overflow;
    private long lastByteAt;

    public ScanFramer(Suffix suffix, Duration idleGap, int maxBytes) {
        this.suffix = Objects.requireNonNull(suffix, "suffix");
        this.idleGapNanos = idleGap.toNanos();
        if (idleGapNanos <= 0 || maxBytes < 1) {
            throw new IllegalArgumentException("idleGap and maxBytes must be positive");
        }
        this.maxBytes = maxBytes;
        this.buffer = new byte[maxBytes + suffix.length()];
    }

    /** Feeds bytes that arrived at {@code nanoTime}; returns the units they completed. */
    public List<Framed> feed(byte[] bytes, int offset, int length, long nanoTime) {
        List<Framed> out = new ArrayList<>(idle(nanoTime));
        for (int i = offset; i < offset + length; i++) {
            if (filled < buffer.length) {
                buffer[filled++] = bytes[i];
            } else {
                // Keep the tail so a suffix split across the limit is still recognised.
                System.arraycopy(buffer, 1, buffer, 0, buffer.length - 1);
                buffer[buffer.length - 1] = bytes[i];
                overflow++;
            }
            if (suffix.endsWith(buffer, filled)) {
                out.add(complete(filled - suffix.length()));
            }
        }
        if (length > 0) {
            lastByteAt = nanoTime;
        }
        return out;
    }

    /** Called when nothing arrived; returns a unit if the idle gap has ended one. */
    public List<Framed> idle(long nanoTime) {
        if (filled == 0 || nanoTime - lastByteAt < idleGapNanos) {
            return List.of();
        }
        if (suffix == Suffix.NONE) {
            return List.of(complete(filled));
        }
        int seen = filled + overflow;
        clear();
        return List.of(new Framed.Partial(seen));
    }

    /** Nanoseconds until {@link #idle} could end a unit, or -1 when nothing is buffered. */
    public long nanosUntilIdle(long nanoTime) {
        return filled == 0 ? -1 : Math.max(0, lastByteAt + idleGapNanos - nanoTime);
    }

    private Framed complete(int payloadLength) {
        Framed framed = overflow > 0 || payloadLength > maxBytes
                ? new Framed.Overlong(payloadLength + overflow)
                : new Framed.Payload(Arrays.copyOf(buffer, payloadLength));
        clear();
        return framed;
    }

    private void clear() {
        Arrays.fill(buffer, 0, filled, (byte) 0);
        filled = 0;
        overflow = 0;
    }
}
