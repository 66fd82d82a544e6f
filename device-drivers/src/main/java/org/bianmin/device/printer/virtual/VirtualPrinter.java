package org.bianmin.device.printer.virtual;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import org.bianmin.device.printer.ChineseMode;
import org.bianmin.device.printer.PaperWidth;
import org.bianmin.device.printer.PrinterStatus;
import org.bianmin.device.transport.Transport;
import org.bianmin.device.transport.TransportException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A receipt printer that lives on the device end of any transport (a socat pty, a TCP socket, an in-memory link):
 * it decodes what the kiosk sends into a {@link Transcript}, answers {@code DLE EOT} from its current
 * {@link PrinterStatus}, writes one PNG per cut receipt, and can misbehave on purpose ({@link Fault}). What it
 * cannot print (cover open, offline, out of paper) it drops, as a real printer's empty paper path would.
 */
public final class VirtualPrinter implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(VirtualPrinter.class);
    private static final Duration READ_SLICE = Duration.ofMillis(100);
    private static final Duration REPLY_TIMEOUT = Duration.ofSeconds(1);
    private static final Duration REOPEN_PAUSE = Duration.ofMillis(100);
    /** How long the default unplug keeps the device end closed before "plugging back in". */
    static final Duration UNPLUGGED_FOR = Duration.ofSeconds(3);
    /**
     * Elements kept for the roll image of one receipt: far more than its {@link RollRenderer#MAX_ROLL_DOTS} can show
     * (every printing element is at least a dot high, most 30), so a job that never cuts cannot grow it without end.
     */
    static final int MAX_RECEIPT_ELEMENTS = 50_000;

    /** Misbehaviour to simulate; {@code --fault NAME} on the command line. */
    public enum Fault {
        NONE,
        /** Paper runs out after {@link Config#paperOutAfterLines} lines of a job; nothing more is printed. */
        PAPER_OUT_MID_JOB,
        /** Cover open from the start. */
        COVER_OPEN,
        OFFLINE,
        /** Reads 16 bytes at a time with a pause, like a printer whose buffer is always nearly full. */
        SLOW,
        /** Stops reading and answering after the job's first {@link Config#faultAfterBytes} bytes. */
        STALL,
        /** Runs the unplug action after the job's first {@link Config#faultAfterBytes} bytes. */
        UNPLUG;

        public static Fault parse(String name) {
            return valueOf(name.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        }
    }

    /**
     * @param unplug what "pulling the cable" does: for an in-memory link or a pty pair, the link's unplug; by
     *               default the device end is closed for {@link #UNPLUGGED_FOR} (the host then sees silence)
     */
    public record Config(PaperWidth paper, ChineseMode chineseMode, Fault fault, int paperOutAfterLines,
            int faultAfterBytes, Duration slowPause, Optional<Path> pngDir, Optional<Runnable> unplug) {

        public Config {
            Objects.requireNonNull(paper, "paper");
            Objects.requireNonNull(chineseMode, "chineseMode");
            Objects.requireNonNull(fault, "fault");
            Objects.requireNonNull(pngDir, "pngDir");
            Objects.requireNonNull(unplug, "unplug");
        }

        public static Config of(PaperWidth paper) {
            return new Config(paper, ChineseMode.FS_AMPERSAND, Fault.NONE, 5, 300, Duration.ofMillis(20),
                    Optional.empty(), Optional.empty());
        }

        public Config withFault(Fault f) {
            return new Config(paper, chineseMode, f, paperOutAfterLines, faultAfterBytes, slowPause, pngDir, unplug);
        }

        public Config withChineseMode(ChineseMode mode) {
            return new Config(paper, mode, fault, paperOutAfterLines, faultAfterBytes, slowPause, pngDir, unplug);
        }

        public Config withPngDir(Path dir) {
            return new Config(paper, chineseMode, fault, paperOutAfterLines, faultAfterBytes, slowPause,
                    Optional.of(dir), unplug);
        }

        public Config withUnplug(Runnable action) {
            return new Config(paper, chineseMode, fault, paperOutAfterLines, faultAfterBytes, slowPause, pngDir,
                    Optional.of(action));
        }
    }

    private final Transport transport;
    private final Config config;
    private final RollRenderer renderer;
    private final Transcript transcript = new Transcript();
    private final List<EscPosEvent> currentReceipt = new ArrayList<>();
    private final List<Path> pngs = new ArrayList<>();
    /** PNGs are drawn off the serving thread: a real printer answers DLE EOT at once, even while it cuts. */
    private final ExecutorService pngWriter = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().daemon().name("virtual-printer-png").factory());
    private int pngCount;
    private EscPosDecoder decoder;
    private volatile PrinterStatus status;
    private volatile boolean running;
    private volatile boolean stalled;
    private volatile boolean unplugged;
    private volatile long unpluggedUntil;
    private Thread thread;
    private int jobLines;
    private long jobBytes;
    private boolean faultFired;

    public VirtualPrinter(Transport deviceEnd, Config config) {
        this.transport = Objects.requireNonNull(deviceEnd, "deviceEnd");
        this.config = Objects.requireNonNull(config, "config");
        this.renderer = new RollRenderer(config.paper());
        this.decoder = new EscPosDecoder(config.chineseMode());
        PrinterStatus s = PrinterStatus.READY;
        if (config.fault() == Fault.COVER_OPEN) {
            s = s.withCoverOpen(true);
        } else if (config.fault() == Fault.OFFLINE) {
            s = s.withOnline(false);
        }
        this.status = s;
    }

    public synchronized void start() {
        if (thread != null) {
            throw new IllegalStateException("already started");
        }
        running = true;
        thread = Thread.ofPlatform().daemon().name("virtual-printer " + transport.name()).start(this::serve);
    }

    public PrinterStatus status() {
        return status;
    }

    /** Sets what {@code DLE EOT} answers from now on (a technician loading paper, closing the cover…). */
    public void setStatus(PrinterStatus s) {
        status = Objects.requireNonNull(s);
    }

    /** Everything printed so far, all receipts. */
    public Transcript transcript() {
        return transcript;
    }

    public synchronized List<Path> pngs() {
        return List.copyOf(pngs);
    }

    private void serve() {
        byte[] buf = new byte[4096];
        while (running) {
            try {
                if (stalled || unplugged && System.nanoTime() - unpluggedUntil < 0) {
                    LockSupport.parkNanos(READ_SLICE.toNanos());
                    continue;
                }
                transport.open();
                int max = config.fault() == Fault.SLOW ? 16 : buf.length;
                int n = transport.read(buf, 0, max, READ_SLICE);
                if (n > 0) {
                    accept(buf, n);
                    if (config.fault() == Fault.SLOW) {
                        LockSupport.parkNanos(config.slowPause().toNanos());
                    }
                }
            } catch (TransportException e) {
                if (running) {
                    log.debug("virtual printer {}: {}; reopening", transport.name(), e.getMessage());
                    transport.close();
                    LockSupport.parkNanos(REOPEN_PAUSE.toNanos());
                }
            } catch (RuntimeException e) {
                log.warn("virtual printer {} could not handle data", transport.name(), e);
            }
        }
    }

    private void accept(byte[] buf, int n) throws TransportException {
        int take = n;
        boolean fireAfter = false;
        if (!faultFired && (config.fault() == Fault.STALL || config.fault() == Fault.UNPLUG)
                && jobBytes + n >= config.faultAfterBytes()) {
            take = (int) Math.max(0, config.faultAfterBytes() - jobBytes);
            fireAfter = true;
        }
        jobBytes += take;
        for (EscPosEvent e : decoder.feed(buf, 0, take)) {
            handle(e);
        }
        if (fireAfter) {
            faultFired = true;
            if (config.fault() == Fault.STALL) {
                log.info("virtual printer: stalling (fault STALL)");
                stalled = true;
            } else {
                log.info("virtual printer: unplugging (fault UNPLUG)");
                config.unplug().orElse(this::unplugDeviceEnd).run();
            }
        }
    }

    private void unplugDeviceEnd() {
        unpluggedUntil = System.nanoTime() + UNPLUGGED_FOR.toNanos();
        unplugged = true;
        transport.close();
    }

    private synchronized void handle(EscPosEvent e) throws TransportException {
        switch (e) {
            case EscPosEvent.StatusRequest r -> transport.write(new byte[] {status.reply(r.n())}, REPLY_TIMEOUT);
            case EscPosEvent.Init i -> {
                jobLines = 0;
                jobBytes = 0;
            }
            case EscPosEvent.Rejected r -> {
                log.warn("virtual printer rejected bytes: {}", r.reason());
                record(e);
            }
            default -> {
                if (status.refusal().isPresent()) {
                    return;
                }
                if (e instanceof EscPosEvent.TextLine) {
                    jobLines++;
                }
                record(e);
                if (config.fault() == Fault.PAPER_OUT_MID_JOB && !faultFired
                        && jobLines >= config.paperOutAfterLines()) {
                    faultFired = true;
                    status = status.withPaperOut(true);
                    log.info("virtual printer: paper out after {} lines (fault PAPER_OUT_MID_JOB)", jobLines);
                }
            }
        }
    }

    private void record(EscPosEvent e) {
        transcript.add(e);
        boolean cut = e instanceof EscPosEvent.Cut;
        if (cut || currentReceipt.size() < MAX_RECEIPT_ELEMENTS) {
            currentReceipt.add(e); // a cut always ends the roll, however long the receipt was
        } else if (currentReceipt.size() == MAX_RECEIPT_ELEMENTS) {
            currentReceipt.add(new EscPosEvent.Rejected("receipt longer than " + MAX_RECEIPT_ELEMENTS
                    + " elements: the rest until the cut is not kept", 0));
        }
        if (cut) {
            if (config.pngDir().isPresent()) {
                Path png = config.pngDir().get().resolve(String.format(Locale.ROOT, "receipt-%04d.png", ++pngCount));
                List<EscPosEvent> receipt = Transcript.of(currentReceipt).elements();
                pngWriter.execute(() -> writePng(receipt, png));
            }
            currentReceipt.clear();
        }
    }

    private void writePng(List<EscPosEvent> receipt, Path png) {
        try {
            Files.createDirectories(png.getParent());
            renderer.writePng(receipt, png);
            synchronized (this) {
                pngs.add(png);
            }
            log.info("virtual printer: receipt cut, roll image {}", png);
        } catch (IOException | RuntimeException e) {
            log.warn("virtual printer could not write {}", png, e);
        }
    }

    /** Waits until every receipt cut so far has its PNG written (or the timeout passes). */
    public void awaitPngs(Duration timeout) throws InterruptedException {
        try {
            pngWriter.submit(() -> { }).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            log.warn("virtual printer PNG output still busy after {}", timeout);
        }
    }

    @Override
    public void close() {
        running = false;
        Thread t;
        synchronized (this) {
            t = thread;
        }
        if (t != null) {
            try {
                t.join(READ_SLICE.multipliedBy(5).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        pngWriter.shutdown();
        transport.close();
    }
}
