package org.bianmin.device.scanner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.bianmin.device.sim.SimulatedPort;
import org.bianmin.device.transport.TransportException;
import org.bianmin.protocol.json.BoundedJson;

/**
 * A serial (CDC) scanner on the device end of a transport: each {@link #scan} sends the payload in the configured
 * charset followed by the suffix, exactly as a scanner does. Payload lists come from JSON files
 * ({@code {"payloads": ["…", …]}}; a sample ships as a resource).
 */
public final class ScannerSimulator implements AutoCloseable {

    public static final String SAMPLE_PAYLOADS = "payloads.json";
    private static final Duration UNPLUGGED_FOR = Duration.ofSeconds(1);
    private static final int OVERLONG_BYTES = 64 * 1024;
    private static final ObjectMapper JSON = BoundedJson.mapper();

    private final SimulatedPort port;
    private final Suffix suffix;
    private final Charset charset;
    private final RandomGenerator random;
    private final BlockingDeque<String> pending = new LinkedBlockingDeque<>();
    private final byte[] ignored = new byte[256];
    private volatile ScannerFault fault = ScannerFault.NONE;

    public ScannerSimulator(SimulatedPort port, Suffix suffix, Charset charset, RandomGenerator random) {
        this.port = port;
        this.suffix = suffix;
        this.charset = charset;
        this.random = random;
    }

    public ScannerSimulator start() {
        port.start("scanner-simulator", p -> serveOnce());
        return this;
    }

    /** Queues one scan of {@code payload}. */
    public void scan(String payload) {
        pending.add(payload);
    }

    public void fault(ScannerFault fault) {
        this.fault = fault;
    }

    private void serveOnce() throws TransportException, InterruptedException {
        // A scanner ignores what the host sends; reading it also notices a vanished port while idle.
        port.transport().read(ignored, 0, ignored.length, Duration.ZERO);
        String payload = pending.poll(100, TimeUnit.MILLISECONDS);
        if (payload == null) {
            return;
        }
        try {
            send(payload);
        } catch (TransportException e) {
            if (fault == ScannerFault.UNPLUG) {
                fault = ScannerFault.NONE; // one simulated unplug; that scan is lost, as with a real one
            } else {
                pending.addFirst(payload); // the port went away under us: scan again once it is back
            }
            throw e;
        }
    }

    private void send(String payload) throws TransportException {
        byte[] bytes = payload.getBytes(charset);
        switch (fault) {
            case NONE -> port.send(withSuffix(bytes));
            case GARBAGE -> {
                byte[] garbage = new byte[Math.max(8, bytes.length)];
                random.nextBytes(garbage);
                port.send(withSuffix(garbage));
            }
            case OVERLONG -> {
                byte[] big = new byte[OVERLONG_BYTES];
                for (int i = 0; i < big.length; i++) {
                    big[i] = bytes.length == 0 ? (byte) 'A' : bytes[i % bytes.length];
                }
                port.send(withSuffix(big));
            }
            case PARTIAL -> port.send(Arrays.copyOf(bytes, Math.max(1, bytes.length / 2)));
            case UNPLUG -> {
                port.unplugFor(UNPLUGGED_FOR);
                throw new TransportException(TransportException.Kind.DISCONNECTED, "simulated unplug");
            }
        }
    }

    private byte[] withSuffix(byte[] payload) {
        byte[] tail = suffix.bytes();
        byte[] out = Arrays.copyOf(payload, payload.length + tail.length);
        System.arraycopy(tail, 0, out, payload.length, tail.length);
        return out;
    }

    /** Payloads from a JSON file (at most 1 MB). */
    public static List<String> loadPayloads(Path file) throws IOException {
        return payloads(BoundedJson.readTree(JSON, BoundedJson.readFile(file, 1 << 20)), file.toString());
    }

    /** The sample payloads: a receipt number, a tracking URL, an e-ID token, a URL and Chinese text. */
    public static List<String> samplePayloads() throws IOException {
        try (InputStream in = ScannerSimulator.class.getResourceAsStream(SAMPLE_PAYLOADS)) {
            if (in == null) {
                throw new IOException("missing resource " + SAMPLE_PAYLOADS);
            }
            return payloads(BoundedJson.readTree(JSON, in.readAllBytes()), SAMPLE_PAYLOADS);
        }
    }

    private static List<String> payloads(JsonNode json, String source) throws IOException {
        JsonNode list = json.get("payloads");
        if (list == null || !list.isArray()) {
            throw new IOException(source + ": payloads: an array of strings is required");
        }
        List<String> payloads = new ArrayList<>();
        for (JsonNode node : list) {
            if (!node.isTextual()) {
                throw new IOException(source + ": payloads: every entry must be a string");
            }
            payloads.add(node.asText());
        }
        return payloads;
    }

    @Override
    public void close() {
        port.close();
    }
}
