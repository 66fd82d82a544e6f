package org.bianmin.kiosk.cli;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Callable;
import org.bianmin.device.scanner.ScannerFault;
import org.bianmin.device.scanner.ScannerSimulator;
import org.bianmin.device.scanner.Suffix;
import org.bianmin.device.sim.SimulatedPort;
import org.bianmin.device.transport.SerialSettings;
import org.bianmin.device.transport.TransportException;
import org.bianmin.device.transport.Transports;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sim scanner}: the serial scanner simulator on a port. */
@Command(name = "scanner", mixinStandardHelpOptions = true,
        description = {"Simulate a serial (CDC) QR scanner on PORT: scans each payload in turn, one every",
            "--interval seconds, with the configured suffix and charset. Faults: garbage, overlong, partial, unplug."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:stopped", "1:bad payload file or fault name", "4:port error"})
final class SimScannerCommand implements Callable<Integer> {

    @Option(names = "--port", required = true, paramLabel = "PATH", description = "The device end of the link.")
    String port;

    @Option(names = "--baud", defaultValue = "9600", paramLabel = "N", description = "Line speed (default ${DEFAULT-VALUE}).")
    int baud;

    @Option(names = "--payload", paramLabel = "TEXT", description = "Scan this text (repeatable).")
    List<String> payloads;

    @Option(names = "--payloads", paramLabel = "FILE",
            description = "JSON file {\"payloads\": [...]} (default: the shipped samples).")
    Path payloadFile;

    @Option(names = "--suffix", defaultValue = "CR", paramLabel = "SUFFIX",
            description = "${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
    Suffix suffix;

    @Option(names = "--charset", defaultValue = "UTF-8", paramLabel = "NAME",
            description = "UTF-8 or GBK (default ${DEFAULT-VALUE}).")
    String charset;

    @Option(names = "--interval", defaultValue = "2", paramLabel = "S",
            description = "Seconds between scans (default ${DEFAULT-VALUE}).")
    double interval;

    @Mixin
    SimOptions sim;

    @Override
    public Integer call() throws Exception {
        Optional<ScannerFault> f = ScannerFault.ofCliName(sim.fault);
        if (f.isEmpty() || !Charset.isSupported(charset)) {
            System.err.println(f.isEmpty() ? "unknown fault " + sim.fault : "unknown charset " + charset);
            return 1;
        }
        List<String> scans;
        try {
            scans = payloads != null ? payloads
                    : payloadFile != null ? ScannerSimulator.loadPayloads(payloadFile) : ScannerSimulator.samplePayloads();
        } catch (java.io.IOException e) {
            System.err.println(e.getMessage());
            return 1;
        }
        SerialSettings line = SerialSettings.of8N1(baud);
        ScannerSimulator simulator;
        try {
            simulator = new ScannerSimulator(new SimulatedPort(Transports.forPort(port, line), Optional.empty(),
                    Optional.of(line)), suffix, Charset.forName(charset), new Random());
        } catch (TransportException e) {
            System.err.println("port error: " + e.getMessage());
            return 4;
        }
        long stopAt = sim.duration().isPositive() ? System.nanoTime() + sim.duration().toNanos() : Long.MAX_VALUE;
        try (ScannerSimulator running = simulator) {
            running.fault(f.get());
            running.start();
            System.out.printf("scanner simulator on %s at %d baud (%s, %s); Ctrl-C stops%n", port, baud, suffix,
                    charset);
            for (int i = 0; System.nanoTime() < stopAt; i++) {
                running.scan(scans.get(i % scans.size()));
                long left = stopAt - System.nanoTime();
                SimCommand.runUntilStopped(Duration.ofNanos(Math.max(1_000_000, Math.min(left, (long) (interval * 1e9)))));
            }
        }
        return 0;
    }
}
