package org.bianmin.device.scanner;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.bianmin.device.status.DeviceState;
import org.bianmin.device.status.DeviceStatusTracker;
import org.bianmin.device.transport.Transport;
import org.bianmin.device.transport.TransportException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A QR / barcode scanner in serial (USB CDC) mode on an open {@link Transport}. {@link #next} waits for one scan
 * and returns it classified, or a typed rejection. The transport's lifecycle belongs to the caller.
 */
public final class SerialScanner {

    private static final Logger log = LoggerFactory.getLogger(SerialScanner.class);
    private static final Duration SLICE = Duration.ofMillis(100);

    /**
     * @param suffix  what the scanner is configured to append
     * @param idleGap silence that ends a payload without suffix (or makes one partial)
     * @param rules   size limit and classification
     */
    public record Options(Suffix suffix, Duration idleGap, PayloadRules rules) {
        public Options {
            Objects.requireNonNull(suffix, "suffix");
            Objects.requireNonNull(idleGap, "idleGap");
            Objects.requireNonNull(rules, "rules");
        }

        public static Options defaults() {
            return new Options(Suffix.CR, Duration.ofMillis(150), PayloadRules.defaults());
        }
    }

    private final Transport transport;
    private final DeviceStatusTracker status;
    private Options options;
    private ScanFramer framer;
    /** Settings to use from the next {@link #next} on; set from any thread. */
    private final AtomicReference<Options> pending = new AtomicReference<>();
    private final ArrayDeque<ScanFramer.Framed> ready = new ArrayDeque<>();
    private final byte[] chunk = new byte[512];
    private volatile boolean cancelled;

    public SerialScanner(Transport transport, DeviceStatusTracker status, Options options) {
        this.transport = Objects.requireNonNull(transport, "transport");
        this.status = Objects.requireNonNull(status, "status");
        this.options = Objects.requireNonNull(options, "options");
        this.framer = framer(options);
    }

    private static ScanFramer framer(Options options) {
        return new ScanFramer(options.suffix(), options.idleGap(), options.rules().maxBytes());
    }

    /**
     * New settings (the technician edited the config), taken up by the next {@link #next}: the kiosk's scan loop
     * is inside {@code next} most of the time, so this does not wait for it.
     */
    public void reconfigure(Options next) {
        pending.set(Objects.requireNonNull(next, "next"));
    }

    /** Stops a {@link #next} in progress within a tenth of a second. */
    public void cancel() {
        cancelled = true;
    }

    /** Waits up to {@code timeout} for one scan. One caller at a time. */
    public synchronized ScanResult next(Duration timeout) {
        cancelled = false;
        Options next = pending.getAndSet(null);
        if (next != null) {
            options = next;
            framer = framer(next);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                if (!ready.isEmpty()) {
                    return report(ready.removeFirst());
                }
                long now = System.nanoTime();
                ready.addAll(framer.idle(now));
                if (!ready.isEmpty()) {
                    continue;
                }
                if (cancelled) {
                    return new ScanResult.Failed("CANCELLED", "scan cancelled");
                }
                long left = deadline - now;
                long untilIdle = framer.nanosUntilIdle(now);
                if (left <= 0 && untilIdle < 0) {
                    return new ScanResult.NoScan();
                }
                // A payload in progress may finish after the deadline; give it its idle gap, no more.
                long wait = Math.min(Math.max(left, untilIdle), SLICE.toNanos());
                int n = transport.read(chunk, 0, chunk.length, Duration.ofNanos(Math.max(wait, 1)));
                if (n > 0) {
                    ready.addAll(framer.feed(chunk, 0, n, System.nanoTime()));
                }
                if (status.current().state() != DeviceState.ONLINE) {
                    status.state(DeviceState.ONLINE, transport.name());
                }
            }
        } catch (TransportException e) {
            status.error(DeviceState.OFFLINE, e.kind().name(), e.getMessage());
            return new ScanResult.Failed(e.kind().name(), e.getMessage());
        }
    }

    private ScanResult report(ScanFramer.Framed framed) {
        ScanResult result = switch (framed) {
            case ScanFramer.Framed.Payload p -> options.rules().fromBytes(p.bytes());
            case ScanFramer.Framed.Overlong o -> new ScanResult.Rejected(ScanResult.Reason.TOO_LONG,
                    o.bytesSeen() + " bytes, limit " + options.rules().maxBytes());
            case ScanFramer.Framed.Partial p -> new ScanResult.Rejected(ScanResult.Reason.PARTIAL,
                    p.bytesSeen() + " bytes without the " + options.suffix() + " suffix");
        };
        switch (result) {
            case ScanResult.Rejected r -> log.warn("{}: scan rejected: {} {}", transport.name(), r.reason(), r.detail());
            case ScanResult.Scanned s -> log.info("{}: scanned {}", transport.name(), kind(s.payload()));
            default -> { }
        }
        return result;
    }

    /** Logs name the payload kind only: payloads may be personal (receipt numbers, e-ID tokens). */
    private static String kind(ScanPayload payload) {
        return payload.getClass().getSimpleName();
    }
}
