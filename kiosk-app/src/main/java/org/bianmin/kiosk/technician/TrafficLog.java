package org.bianmin.kiosk.technician;

import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.bianmin.device.config.Driver;
import org.bianmin.device.idcard.Command;
import org.bianmin.device.idcard.FrameCodec;
import org.bianmin.device.idcard.StatusCode;
import org.bianmin.device.supervisor.ManagedDevice;
import org.bianmin.device.transport.TrafficTap;
import org.bianmin.device.transport.TrafficTap.Direction;

/**
 * The technician's live view of what the drivers say to their devices: each exchange as hex and as a decoded
 * frame, with every byte that can be personal masked the moment it arrives (an ID card's text and photo, a
 * receipt's content, a scanned code). Only lengths of such data are kept; the raw copies the tap hands over are
 * zeroed. Holds the most recent {@value #KEEP} lines, in memory only.
 */
public final class TrafficLog implements AutoCloseable {

    static final int KEEP = 200;
    private static final HexFormat HEX = HexFormat.ofDelimiter(" ").withUpperCase();
    /** An ID-card frame never exceeds this; a longer unframed run is garbage and dropped. */
    private static final int MAX_PENDING = 2 * (FrameCodec.MAX_LEN + 8);
    private static final int DLE = 0x10;
    private static final int EOT = 0x04;

    /**
     * One line of traffic.
     *
     * @param hex     the bytes as hex where they cannot be personal; personal bytes are replaced by a count
     * @param decoded what the bytes mean (command, status, or what kind of data was masked)
     */
    public record Line(Instant at, String device, Direction direction, String hex, String decoded) {}

    private record Shown(String hex, String decoded) {}

    private final Clock clock;
    private final ArrayDeque<Line> lines = new ArrayDeque<>();
    private final Map<String, ByteArrayOutputStream> partialFrames = new HashMap<>();
    private final List<Runnable> detach = new ArrayList<>();

    public TrafficLog(Clock clock) {
        this.clock = clock;
    }

    /** Starts listening to {@code device}'s traffic until {@link #close}. */
    public void watch(ManagedDevice.Linked device) {
        String name = device.config().name();
        Driver driver = device.config().resolvedDriver();
        TrafficTap.Listener listener = (direction, bytes) -> {
            try {
                record(name, driver, direction, bytes);
            } finally {
                Arrays.fill(bytes, (byte) 0);
            }
        };
        device.traffic().addListener(listener);
        synchronized (this) {
            detach.add(() -> device.traffic().removeListener(listener));
        }
    }

    /** The most recent lines, oldest first. */
    public synchronized List<Line> lines() {
        return List.copyOf(lines);
    }

    synchronized void record(String device, Driver driver, Direction direction, byte[] bytes) {
        switch (driver) {
            case IDCARD -> idCardFrames(device, direction, bytes);
            case PRINTER -> add(device, direction, printer(direction, bytes));
            case SCANNER, SCANNER_WEDGE -> add(device, direction, direction == Direction.FROM_DEVICE
                    ? new Shown("", "scan data, " + bytes.length + " bytes (masked)")
                    : new Shown(HEX.formatHex(bytes), "to scanner"));
        }
    }

    /** Frames can arrive in pieces: bytes wait per device and direction until a whole frame is there. */
    private void idCardFrames(String device, Direction direction, byte[] bytes) {
        ByteArrayOutputStream pending = partialFrames.computeIfAbsent(device + direction,
                k -> new ByteArrayOutputStream());
        pending.writeBytes(bytes);
        byte[] buffer = pending.toByteArray();
        pending.reset();
        int at = 0;
        while (at < buffer.length) {
            byte[] rest = Arrays.copyOfRange(buffer, at, buffer.length);
            FrameCodec.Decoded decoded = FrameCodec.decode(rest, rest.length);
            Arrays.fill(rest, (byte) 0);
            switch (decoded) {
                case FrameCodec.Decoded.Frame f -> {
                    add(device, direction, direction == Direction.TO_DEVICE ? request(f.body()) : reply(f.body()));
                    Arrays.fill(f.body(), (byte) 0);
                    at += f.consumed();
                }
                case FrameCodec.Decoded.Invalid i -> {
                    add(device, direction, new Shown("", "invalid frame (" + i.error() + "), " + i.consumed()
                            + " bytes dropped"));
                    at += i.consumed();
                }
                case FrameCodec.Decoded.Incomplete inc -> {
                    if (inc.skippable() > 0) {
                        add(device, direction, new Shown("", "no frame: " + inc.skippable() + " bytes skipped"));
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
    }

    private static Shown request(byte[] body) {
        return new Shown(HEX.formatHex(FrameCodec.encode(body)),
                Command.of(body).map(Command::name).orElse("unknown command"));
    }

    /** Replies show their status bytes; the data after them (card text, photo, card serial) is only counted. */
    private static Shown reply(byte[] body) {
        if (body.length < 3) {
            return new Shown(HEX.formatHex(FrameCodec.encode(body)), "reply too short");
        }
        byte[] frame = FrameCodec.encode(body);
        int data = body.length - 3;
        int shown = frame.length - data - 1;
        String hex = HEX.formatHex(frame, 0, shown) + (data > 0 ? " … (" + data + " bytes masked)" : "");
        Arrays.fill(frame, (byte) 0);
        return new Shown(hex, "reply " + StatusCode.of(body[2] & 0xFF) + (data > 0 ? ", " + data
                + " data bytes" : ""));
    }

    /** Status requests and replies are shown; print data is a receipt and is only counted. */
    private static Shown printer(Direction direction, byte[] bytes) {
        if (direction == Direction.FROM_DEVICE) {
            return new Shown(HEX.formatHex(bytes), "status reply");
        }
        if (bytes.length % 3 == 0 && statusRequests(bytes)) {
            return new Shown(HEX.formatHex(bytes), "DLE EOT (real-time status request)");
        }
        return new Shown("", "print data, " + bytes.length + " bytes (content masked)");
    }

    private static boolean statusRequests(byte[] bytes) {
        for (int i = 0; i < bytes.length; i += 3) {
            if (bytes[i] != DLE || bytes[i + 1] != EOT) {
                return false;
            }
        }
        return true;
    }

    private void add(String device, Direction direction, Shown shown) {
        lines.addLast(new Line(clock.instant(), device, direction, shown.hex(), shown.decoded()));
        while (lines.size() > KEEP) {
            lines.removeFirst();
        }
    }

    @Override
    public synchronized void close() {
        detach.forEach(Runnable::run);
        detach.clear();
        lines.clear();
        partialFrames.clear();
    }
}
