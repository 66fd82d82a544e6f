package org.bianmin.device.idcard;

import java.time.Duration;
import java.util.Arrays;
import org.bianmin.device.transport.Transport;
import org.bianmin.device.transport.TransportException;

/**
 * Reads frames off a transport: resynchronises on the preamble after garbage, reports bad frames, and gives up
 * at a deadline. Used by the driver for replies and by the simulator for requests. Not thread-safe.
 */
public final class FrameReader {

    private final Transport transport;
    private final byte[] buffer = new byte[FrameCodec.HEADER + FrameCodec.MAX_LEN + 64];
    private int filled;

    public FrameReader(Transport transport) {
        this.transport = transport;
    }

    /** What one attempt to read a frame gave. */
    public sealed interface Result {
        record Frame(byte[] body) implements Result {}

        /** A frame-shaped run of bytes that is not a valid frame. */
        record Invalid(FrameCodec.FrameError error) implements Result {}

        /**
         * Nothing usable arrived before the deadline; {@code partial} says some bytes did (a frame cut short,
         * a LEN that claims more than was sent, or garbage).
         */
        record TimedOut(boolean partial) implements Result {}
    }

    /** Waits up to {@code timeout} for one frame. */
    public Result next(Duration timeout) throws TransportException {
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean sawBytes = filled > 0;
        while (true) {
            FrameCodec.Decoded decoded = FrameCodec.decode(buffer, filled);
            switch (decoded) {
                case FrameCodec.Decoded.Frame f -> {
                    drop(f.consumed());
                    return new Result.Frame(f.body());
                }
                case FrameCodec.Decoded.Invalid i -> {
                    drop(i.consumed());
                    return new Result.Invalid(i.error());
                }
                case FrameCodec.Decoded.Incomplete inc -> drop(inc.skippable());
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return new Result.TimedOut(sawBytes);
            }
            int n = transport.read(buffer, filled, buffer.length - filled, Duration.ofNanos(left));
            if (n > 0) {
                sawBytes = true;
                filled += n;
            }
        }
    }

    /** Forgets buffered bytes (and wipes them: they may be a card read). */
    public void reset() {
        Arrays.fill(buffer, 0, filled, (byte) 0);
        filled = 0;
    }

    private void drop(int count) {
        if (count <= 0) {
            return;
        }
        System.arraycopy(buffer, count, buffer, 0, filled - count);
        Arrays.fill(buffer, filled - count, filled, (byte) 0);
        filled -= count;
    }
}
