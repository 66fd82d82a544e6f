package org.bianmin.device.a4;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real IPP Everywhere printer for tests: CUPS's {@code ippeveprinter} (Debian {@code cups-ipp-utils}) on a free
 * loopback port, taking PDF and keeping every document it receives in a spool directory. It insists on a D-Bus
 * system bus for its (switched off) DNS-SD, so a private {@code dbus-daemon} is started for it. {@link #kill}
 * is the printer pulled away mid-job; {@link #restart} a printer that comes back with no memory of its jobs.
 */
final class Ippeveprinter implements AutoCloseable {

    private final Path spool;
    private final Process dbus;
    private final String dbusAddress;
    private final int port;
    private Process printer;

    private Ippeveprinter(Path spool, Process dbus, String dbusAddress, int port) {
        this.spool = spool;
        this.dbus = dbus;
        this.dbusAddress = dbusAddress;
        this.port = port;
    }

    static boolean available() {
        return Stream.of("/usr/sbin/ippeveprinter", "/usr/bin/ippeveprinter").anyMatch(p -> Files.isExecutable(
                Path.of(p))) && Files.isExecutable(Path.of("/usr/bin/dbus-daemon"));
    }

    static Ippeveprinter start(Path spool) throws Exception {
        Files.createDirectories(spool);
        Process dbus = new ProcessBuilder("dbus-daemon", "--session", "--nofork", "--print-address=1")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String address;
        try {
            address = new BufferedReader(new InputStreamReader(dbus.getInputStream(), StandardCharsets.UTF_8))
                    .readLine();
        } catch (IOException e) {
            dbus.destroyForcibly();
            throw e;
        }
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Ippeveprinter p = new Ippeveprinter(spool, dbus, address, port);
        p.launch();
        return p;
    }

    private void launch() throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command(), "-d", spool.toString(), "-f", "application/pdf", "-k",
                "-r", "off", "-n", "localhost", "-p", Integer.toString(port), "BianminTestA4")
                .redirectErrorStream(true).redirectOutput(spool.resolveSibling("ippeveprinter-" + port + ".log")
                        .toFile());
        pb.environment().put("DBUS_SYSTEM_BUS_ADDRESS", dbusAddress);
        printer = pb.start();
        Instant deadline = Instant.now().plusSeconds(15);
        while (!listening()) {
            if (!printer.isAlive() || Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("ippeveprinter did not start on port " + port + ": "
                        + Files.readString(spool.resolveSibling("ippeveprinter-" + port + ".log")));
            }
            printer.waitFor(50, TimeUnit.MILLISECONDS);
        }
    }

    private static String command() {
        return Files.isExecutable(Path.of("/usr/sbin/ippeveprinter")) ? "/usr/sbin/ippeveprinter" : "ippeveprinter";
    }

    private boolean listening() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("localhost", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    URI uri() {
        return URI.create("ipp://localhost:" + port + "/ipp/print");
    }

    /**
     * Sets the paper in tray 1 and the black toner through ippeveprinter's own web forms (it then reports
     * {@code media-empty-report}, {@code media-low-report}, {@code toner-low-report}).
     */
    void supplies(int sheets, int tonerPercent) throws Exception {
        try (java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient()) {
            for (String query : List.of("/media?size1=iso_a4_210x297mm&type1=stationery&level1=" + sheets,
                    "/supplies?supply0=25&supply1=" + tonerPercent)) {
                java.net.http.HttpResponse<Void> r = http.send(java.net.http.HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + query)).timeout(java.time.Duration.ofSeconds(10))
                        .build(), java.net.http.HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() != 200) {
                    throw new IllegalStateException(query + " answered " + r.statusCode());
                }
            }
        }
    }

    /** The printer's process killed at once (power cut, cable pulled). */
    void kill() throws InterruptedException {
        printer.destroyForcibly();
        printer.waitFor(10, TimeUnit.SECONDS);
    }

    /** The printer back on the same port, its jobs forgotten. */
    void restart() throws Exception {
        kill();
        launch();
    }

    /** The documents it received, oldest job first. */
    List<Path> documents() throws IOException {
        try (Stream<Path> files = Files.list(spool)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".pdf")).sorted().toList();
        }
    }

    /** A document's text through poppler's {@code pdftotext}. */
    static String text(Path pdf) throws Exception {
        Process p = new ProcessBuilder("pdftotext", pdf.toString(), "-").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(20, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("pdftotext failed on " + pdf + ": " + out);
        }
        return out;
    }

    @Override
    public void close() throws InterruptedException {
        if (printer != null) {
            kill();
        }
        dbus.destroyForcibly();
        dbus.waitFor(10, TimeUnit.SECONDS);
    }
}
