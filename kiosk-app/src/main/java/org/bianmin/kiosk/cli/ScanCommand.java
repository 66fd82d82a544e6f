package org.bianmin.kiosk.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.bianmin.device.scanner.PayloadRules;
import org.bianmin.device.scanner.ScanPayload;
import org.bianmin.device.scanner.ScanResult;
import org.bianmin.device.scanner.SerialScanner;
import org.bianmin.device.scanner.Suffix;
import org.bianmin.device.status.DeviceStatusTracker;
import org.bianmin.device.transport.SerialSettings;
import org.bianmin.device.transport.Transport;
import org.bianmin.device.transport.TransportException;
import org.bianmin.device.transport.Transports;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code scan}: waits for one scan on a serial (CDC) scanner. */
@Command(name = "scan", mixinStandardHelpOptions = true,
        description = {"Wait for one scan from the QR / barcode scanner at PORT (serial / USB CDC mode).",
            "With --json prints {\"kind\": RECEIPT|EID_TOKEN|URL|OTHER, \"text\", \"charset\", \"receiptNumber\"};",
            "an e-ID token is shown shortened (the portal verifies it, the kiosk cannot read it)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:scanned", "2:nothing scanned before the timeout",
            "3:payload rejected (garbage, too long, partial, control characters)", "4:port error"})
final class ScanCommand implements Callable<Integer> {

    @Option(names = "--port", required = true, paramLabel = "PATH",
            description = "Serial port: /dev/serial/by-id/…, usb:VVVV:PPPP[:SERIAL], a socat pty link, "
                    + "or tcp:HOST:PORT.")
    String port;

    @Option(names = "--baud", defaultValue = "9600", paramLabel = "N", description = "Line speed (default ${DEFAULT-VALUE}).")
    int baud;

    @Option(names = "--suffix", defaultValue = "CR", paramLabel = "SUFFIX",
            description = "What the scanner appends: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
    Suffix suffix;

    @Option(names = "--idle-gap", defaultValue = "150", paramLabel = "MS",
            description = "Silence that ends a payload (framing for --suffix NONE) (default ${DEFAULT-VALUE}).")
    int idleGapMs;

    @Option(names = "--timeout", defaultValue = "30", paramLabel = "S",
            description = "Seconds to wait (default ${DEFAULT-VALUE}).")
    double timeout;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        try (Transport transport = Transports.forPort(port, SerialSettings.of8N1(baud))) {
            transport.open();
            SerialScanner scanner = new SerialScanner(transport, new DeviceStatusTracker("scanner", Clock.systemUTC()),
                    new SerialScanner.Options(suffix, Duration.ofMillis(idleGapMs), PayloadRules.defaults()));
            return report(scanner.next(Duration.ofMillis((long) (timeout * 1000))));
        } catch (TransportException e) {
            System.err.println("port error: " + e.getMessage());
            return 4;
        }
    }

    private int report(ScanResult result) throws Exception {
        return switch (result) {
            case ScanResult.Scanned s -> {
                Map<String, Object> f = new LinkedHashMap<>();
                f.put("kind", switch (s.payload()) {
                    case ScanPayload.ReceiptCode r -> "RECEIPT";
                    case ScanPayload.EidToken t -> "EID_TOKEN";
                    case ScanPayload.Url u -> "URL";
                    case ScanPayload.Other o -> "OTHER";
                });
                f.put("text", s.payload() instanceof ScanPayload.EidToken t ? t.toString() : s.payload().text());
                f.put("charset", s.charset().name());
                f.put("receiptNumber", s.payload() instanceof ScanPayload.ReceiptCode r ? r.receiptNumber() : null);
                if (json) {
                    System.out.println(new ObjectMapper().writeValueAsString(f));
                } else {
                    f.forEach((k, v) -> System.out.println(k + ": " + (v == null ? "" : v)));
                }
                yield 0;
            }
            case ScanResult.NoScan n -> {
                System.err.println("nothing scanned before the timeout");
                yield 2;
            }
            case ScanResult.Rejected r -> {
                System.err.println("rejected " + r.reason() + ": " + r.detail());
                yield 3;
            }
            case ScanResult.Failed f -> {
                System.err.println("port error " + f.code() + ": " + f.message());
                yield 4;
            }
        };
    }
}
