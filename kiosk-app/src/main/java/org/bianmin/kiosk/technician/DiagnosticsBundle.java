package org.bianmin.kiosk.technician;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.bianmin.device.idcard.IdNumbers;
import org.bianmin.device.status.DeviceStatus;
import org.bianmin.device.status.DeviceStatusTracker;
import org.bianmin.kiosk.selfcheck.CheckResult;
import org.bianmin.protocol.catalogue.CatalogueReader;

/**
 * The zip a technician takes away on a USB stick for the vendor: logs, config.json without secrets, each
 * device's status history, the masked traffic view, the start-up self-check and versions. No personal data:
 * logs are already masked, and every ID-number-shaped run is masked again on the way into the zip.
 */
public final class DiagnosticsBundle {

    /** Most recent log files taken (today's and rotated ones). */
    static final int LOG_FILES = 10;
    private static final Pattern ID_NUMBER = Pattern.compile("(?<![0-9])[1-9][0-9]{16}[0-9Xx](?![0-9A-Za-z])");
    private static final String REMOVED = "(removed)";

    /** What goes in. {@code versions} are name → version lines (app, JDK, JavaFX, OS). */
    public record Contents(String kioskId, Path configFile, Path logs, List<DeviceStatusTracker> devices,
                           List<CheckResult> selfCheck, List<TrafficLog.Line> traffic, Map<String, String> versions) {}

    private DiagnosticsBundle() {}

    /** Writes {@code bianmin-diagnostics-KIOSK-yyyyMMdd-HHmmss.zip} into {@code folder}; returns the file. */
    public static Path write(Path folder, Contents c, Clock clock) throws IOException {
        String stamp = LocalDateTime.now(clock).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path zip = folder.resolve("bianmin-diagnostics-" + c.kioskId() + "-" + stamp + ".zip");
        Path partial = folder.resolve(zip.getFileName() + ".part");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(partial))) {
            text(out, "versions.txt", c.versions().entrySet().stream().map(e -> e.getKey() + ": " + e.getValue())
                    .collect(Collectors.joining("\n")));
            if (Files.exists(c.configFile())) {
                text(out, "config.json", withoutSecrets(c.configFile()));
            }
            text(out, "selfcheck.txt", c.selfCheck().stream().map(r -> r.status() + "  " + r.name() + ": "
                    + r.detail()).collect(Collectors.joining("\n")));
            text(out, "devices.txt", c.devices().stream().map(DiagnosticsBundle::history)
                    .collect(Collectors.joining("\n")));
            text(out, "traffic.txt", c.traffic().stream().map(l -> l.at() + "  " + l.device() + "  "
                    + l.direction() + "  " + l.decoded() + "  " + l.hex()).collect(Collectors.joining("\n")));
            for (Path log : logFiles(c.logs())) {
                text(out, "logs/" + log.getFileName().toString().replaceFirst("\\.gz$", ""), readLog(log));
            }
        }
        Files.move(partial, zip, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return zip;
    }

    private static String history(DeviceStatusTracker tracker) {
        StringBuilder s = new StringBuilder(tracker.deviceId()).append('\n');
        for (DeviceStatus status : tracker.history()) {
            s.append("  ").append(status.since()).append("  ").append(status.state()).append("  ")
                    .append(status.detail());
            if (!status.supplies().isEmpty()) {
                s.append("  supplies ").append(status.supplies());
            }
            status.lastError().ifPresent(e -> s.append("  last error ").append(e.code()).append(' ')
                    .append(e.message()).append(" at ").append(e.at()));
            s.append('\n');
        }
        return s.toString();
    }

    /** The portal credential and PIN hashes are replaced; everything a vendor needs to see stays. */
    static String withoutSecrets(Path config) throws IOException {
        ObjectMapper mapper = CatalogueReader.mapper().copy().enable(SerializationFeature.INDENT_OUTPUT);
        JsonNode tree = mapper.readTree(config.toFile());
        if (tree instanceof ObjectNode root) {
            if (root.hasNonNull("portalToken") && !root.get("portalToken").asText().isEmpty()) {
                root.put("portalToken", REMOVED);
            }
            if (root.get("admin") instanceof ObjectNode admin) {
                List.of("technicianPin", "operatorPin").forEach(pin -> {
                    if (admin.hasNonNull(pin)) {
                        admin.put(pin, REMOVED);
                    }
                });
            }
        }
        return mapper.writeValueAsString(tree);
    }

    private static List<Path> logFiles(Path logs) throws IOException {
        if (!Files.isDirectory(logs)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(logs)) {
            return files.filter(f -> f.toString().endsWith(".log") || f.toString().endsWith(".log.gz"))
                    .sorted(Comparator.comparing(DiagnosticsBundle::modified).reversed()).limit(LOG_FILES).toList();
        }
    }

    private static long modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    private static String readLog(Path log) throws IOException {
        try (InputStream raw = Files.newInputStream(log);
             InputStream in = log.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Any ID-number-shaped run becomes its masked form, wherever it came from. */
    static String masked(String text) {
        Matcher m = ID_NUMBER.matcher(text);
        return m.replaceAll(r -> Matcher.quoteReplacement(IdNumbers.mask(r.group())));
    }

    private static void text(ZipOutputStream out, String name, String content) throws IOException {
        out.putNextEntry(new ZipEntry(name));
        out.write(masked(content).getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
    }
}
