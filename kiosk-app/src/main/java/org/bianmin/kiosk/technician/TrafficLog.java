package org.bianmin.kiosk.technician;

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
import org.bianmin.device.idcard.FrameTrace;
import org.bianmin.device.supervisor.ManagedDevice;
import org.bianmin.device.transport.TrafficTap;
import org.bianmin.device.transport.TrafficTap.Direction;

/**
 * The technician's live view of what the drivers say to their devices: each exchange as hex and as a decoded
 * frame (ID-card frames decoded by the device layer's {@link FrameTrace}), with every byte that can be personal
 * masked the moment it arrives (an ID card's text and photo, a
 * receipt's content, a scanned code). Only lengths of such data are kept; the raw copies the tap hands over are
 * zeroed. Holds the most recent {@value #KEEP} lines, in memory only.
 */
public final class TrafficLog implements AutoCloseable {

    static final int KEEP = 200;
    private static final HexFormat HEX = HexFormat.ofDelimiter(" ").withUpperCase();
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
    private final Map<String, FrameTrace> idCardTraces = new HashMap<>();
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

    /** The device layer reassembles and masks the frames; this only words them. */
    private void idCardFrames(String device, Direction direction, byte[] bytes) {
        FrameTrace trace = idCardTraces.computeIfAbsent(device + direction,
                k -> direction == Direction.TO_DEVICE ? FrameTrace.requests() : FrameTrace.replies());
        for (FrameTrace.Traced traced : trace.accept(bytes)) {
            add(device, direction, switch (traced) {
                case FrameTrace.Traced.Request(var frame, var command) ->
                        new Shown(HEX.formatHex(frame), command.map(Command::name).orElse("unknown command"));
                case FrameTrace.Traced.Reply(var header, var status, var masked) -> new Shown(
                        HEX.formatHex(header) + (masked > 0 ? " … (" + masked + " bytes masked)" : ""),
                        "reply " + status + (masked > 0 ? ", " + masked + " data bytes" : ""));
                case FrameTrace.Traced.ShortReply(var frame) -> new Shown(HEX.formatHex(frame), "reply too short");
                case FrameTrace.Traced.Invalid(var error, var dropped) ->
                        new Shown("", "invalid frame (" + error + "), " + dropped + " bytes dropped");
                case FrameTrace.Traced.Skipped(var skipped) -> new Shown("", "no frame: " + skipped + " bytes skipped");
            });
        }
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
        idCardTraces.clear();
    }
}
