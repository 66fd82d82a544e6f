package org.bianmin.kiosk.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's embedded portal keeps submissions in clear; its database must live in the demo's data directory
 * and go when the demo stops, never in the system temp directory. Each run is a child JVM whose temp directory
 * is this test's own, so what it leaves there can be seen (and SIGKILL can stand for a demo stopped with ^C).
 */
@Timeout(180)
class DemoPortalFilesTest {

    @TempDir
    Path dir;

    @Test
    void theDemoPortalLivesInTheDataDirectoryAndIsDeletedWhenTheDemoStops() throws Exception {
        Path data = dir.resolve("data");
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        Process demo = start(data, tmp);
        Path portal = data.resolve(DemoEnvironment.PORTAL_DIR);
        assertThat(portal.resolve("portal.db")).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(portal))).isEqualTo("rwx------");
        assertThat(portalDirs(tmp)).as("nothing of the portal in the temp directory while it runs").isEmpty();

        demo.getOutputStream().write('\n');
        demo.getOutputStream().flush();
        assertThat(demo.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(demo.exitValue()).isZero();
        assertThat(portal).doesNotExist();
        assertThat(portalDirs(tmp)).isEmpty();
    }

    @Test
    void aDemoStoppedWithASignalDeletesItsPortal() throws Exception {
        Path data = dir.resolve("data");
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        Process demo = start(data, tmp);
        assertThat(data.resolve(DemoEnvironment.PORTAL_DIR)).exists();
        demo.destroy(); // SIGTERM, as Ctrl+C or systemd stop: no application stop() runs
        assertThat(demo.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(data.resolve(DemoEnvironment.PORTAL_DIR)).doesNotExist();
        assertThat(portalDirs(tmp)).isEmpty();
    }

    @Test
    void aDemoKilledMidRunLeavesNothingInTempAndTheNextRunStartsAFreshPortal() throws Exception {
        Path data = dir.resolve("data");
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        Process first = start(data, tmp);
        assertThat(portalDirs(tmp)).isEmpty();
        Path leftOver = Files.writeString(data.resolve(DemoEnvironment.PORTAL_DIR).resolve("left-over.txt"), "张三");
        first.destroyForcibly();
        assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(portalDirs(tmp)).as("a killed demo leaves no portal in the temp directory").isEmpty();

        Process second = start(data, tmp);
        assertThat(leftOver).as("the next run wipes what the killed one left").doesNotExist();
        second.destroyForcibly();
        second.waitFor(30, TimeUnit.SECONDS);
    }

    /** Starts the demo in a child JVM with {@code tmp} as its temp directory; returns once it is READY. */
    private static Process start(Path data, Path tmp) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "--enable-native-access=ALL-UNNAMED",
                "-Djava.io.tmpdir=" + tmp, "-Dslf4j.provider=org.slf4j.helpers.NOP_FallbackServiceProvider",
                "-cp", System.getProperty("java.class.path"), DemoChild.class.getName(), data.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null && !line.equals("READY")) {
            // start-up output
        }
        if (line == null) {
            throw new IOException("the demo child ended before it was ready (exit " + p.waitFor() + ")");
        }
        return p;
    }

    private static List<Path> portalDirs(Path tmp) throws IOException {
        try (Stream<Path> entries = Files.list(tmp)) {
            return entries.filter(p -> p.getFileName().toString().startsWith("bianmin-portal-")).toList();
        }
    }
}
