package org.bianmin.device.idcard;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Decodes one direction of an ID-card reader's traffic (as a traffic tap hands it over, in pieces of any size)
 * into frames, leaving every personal byte out: a request is kept whole (commands carry no card data), a reply
 * keeps its header and status bytes and only counts its data (card text, photo, card serial). Not thread-safe:
 * one instance per device and direction, fed from one thread or under the caller's lock.
 *
 * <p>Limits: a frame waits for its remaining pieces in a buffer of at most {@link #MAX_PENDING} bytes (two of the
 * longest frames); a longer run without a whole frame is dropped. Garbage and corrupt frames are reported as
 * {@link Traced.Skipped} or {@link Traced.Invalid}, never thrown. Buffers it copies are zeroed after use.
 */
public final class FrameTrace {

    /** An ID-card frame never exceeds {@code MAX_LEN + 8} bytes; a longer unframed run is garbage. */
    public static final int MAX_PENDING = 2 * (FrameCodec.MAX_LEN + 8);

    /** What one stretch of traffic was, personal bytes left out. */
    public sealed interface Traced {
        /** A request frame, whole, and the command it is (empty if unknown). */
        record Request(byte[] frame, Optional<Command> command) implements Traced {}

        /** A reply: its frame up to the status bytes, the status, and how many data bytes followed (masked). */
        record Reply(byte[] header, StatusCode status, int maskedBytes) implements Traced {}

        /** A reply frame too short to carry status bytes, whole. */
        record ShortReply(byte[] frame) implements Traced {}

        /** A frame the codec rejects, and how many bytes were dropped with it. */
        record Invalid(FrameCodec.FrameError error, int dropped) implements Traced {}

        /** Bytes before any frame start, skipped. */
        record Skipped(int bytes) implements Traced {}
    }

    private final boolean replies;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

    private FrameTrace(boolean replies) {
        this.replies = replies;
    }

    /** The host's side: frames are requests. */
    public static FrameTrace requests() {
        return new FrameTrace(false);
    }

    /** The reader's side: frames are replies. */
    public static FrameTrace replies() {
        return new FrameTrace(true);
    }

    /** Takes the next piece of traffic; returns what it completes, oldest first (empty while a frame is partial). */
    public List<Traced> accept(byte[] bytes) {
        pending.writeBytes(bytes);
        byte[] buffer = pending.toByteArray();
        pending.reset();
        List<Traced> traced = new ArrayList<>();
        int at = 0;
        while (at < buffer.length) {
            byte[] rest = Arrays.copyOfRange(buffer, at, buffer.length);
            FrameCodec.Decoded decoded = FrameCodec.decode(rest, rest.length);
            Arrays.fill(rest, (byte) 0);
            switch (decoded) {
                case FrameCodec.Decoded.Frame f -> {
                    traced.add(replies ? reply(f.body()) : request(f.body()));
                    Arrays.fill(f.body(), (byte) 0);
                    at += f.consumed();
                }
                case FrameCodec.Decoded.Invalid i -> {
                    traced.add(new Traced.Invalid(i.error(), i.consumed()));
                    at += i.consumed();
                }
                case FrameCodec.Decoded.Incomplete inc -> {
                    if (inc.skippable() > 0) {
                        traced.add(new Traced.Skipped(inc.skippable()));
                    }
                    int keep = buffer.length - at - inc.skippable();
                    if (keep <= MAX_PENDING) {
                        pending.write(buffer, at + inc.skippable(), keep);
                    }
                    at = buffer.length;
                }
            }
        }
        Arrays.fill(buffer, (byte) 0);
        return traced;
    }

    private static Traced request(byte[] body) {
        return new Traced.Request(FrameCodec.encode(body), Command.of(body));
    }

    /** The header ends with SW1-SW3; the data after them and the checksum are left out. */
    private static Traced reply(byte[] body) {
        byte[] frame = FrameCodec.encode(body);
        try {
            if (body.length < 3) {
                return new Traced.ShortReply(frame.clone());
            }
            int data = body.length - 3;
            return new Traced.Reply(Arrays.copyOf(frame, frame.length - data - 1), StatusCode.of(body[2] & 0xFF),
                    data);
        } finally {
            Arrays.fill(frame, (byte) 0);
        }
    }
}
