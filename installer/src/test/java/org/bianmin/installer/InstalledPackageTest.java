package org.bianmin.installer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Installs the .deb on this machine with dpkg (CI runs as root on a throw-away machine), runs kioskctl selfcheck
 * and a headless smoke start of the installed kiosk, then removes and purges it and looks for anything left over.
 * It replaces an installed bianmin-kiosk, so it runs only in CI or when asked ({@code -Dinstaller.install=true}).
 */
class InstalledPackageTest {

    private static final Path DATA = Path.of("/var/lib/bianmin-kiosk");
    private static final Path CONFIG = Path.of("/etc/bianmin-kiosk/config.json");
    private static final Map<String, String> HEADLESS = Map.of("JAVA_TOOL_OPTIONS",
            "-Dglass.platform=Headless -Dprism.order=sw");

    @Test
    void installRunSelfCheckStartRemoveAndPurge() throws Exception {
        assumeTrue("true".equals(System.getenv("CI")) || Boolean.getBoolean("installer.install"),
                "installs and purges bianmin-kiosk on this machine: only in CI or with -Dinstaller.install=true");
        assumeTrue("root".equals(System.getProperty("user.name")) && Files.isExecutable(Path.of("/usr/bin/dpkg")),
                "installing the package needs root and dpkg: not installed on this machine");
        Path deb = Command.deb();
        purge();

        install(deb);
        assertThat(Command.run("dpkg-query", "-W", "-f=${Status}", "bianmin-kiosk").ok().out())
                .isEqualTo("install ok installed");
        assertThat(Command.run("id", "-nG", "kiosk").ok().out()).contains("kiosk", "dialout");
        assertThat(Files.getOwner(DATA).getName()).isEqualTo("kiosk");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(DATA))).isEqualTo("rwx------");
        assertThat(Files.readString(CONFIG)).contains("\"kioskId\"");
        assertThat(Files.getOwner(CONFIG).getName()).isEqualTo("kiosk");

        Command check = Command.run("/usr/bin/kioskctl", "selfcheck");
        assertThat(check.exitCode()).as(check.out() + check.err()).isZero();
        assertThat(check.out()).contains("PASS  config           " + CONFIG, "PASS  javafx           26.",
                "PASS  data-dir         " + DATA + " writable, owner-only",
                "PASS  serial-library   jSerialComm loaded from /opt/bianmin-kiosk/lib/app/native",
                "PASS  cjk-font", "PASS  database         " + DATA.resolve("kiosk.db"));
        assertThat(check.err()).as("JVM warnings (an AOT cache that does not map)").doesNotContain("[aot]");

        long withCache = smokeStart(true);
        Path cache = Path.of("/opt/bianmin-kiosk/lib/app/kiosk.aot");
        Path aside = Path.of("/opt/bianmin-kiosk/lib/app/kiosk.aot.aside");
        Files.move(cache, aside);
        long without;
        try {
            without = smokeStart(false);
        } finally {
            Files.move(aside, cache);
        }
        System.out.printf("installed kiosk, JVM start to first frame (headless, one run each): "
                + "%d ms with the AOT cache, %d ms without%n", withCache, without);
        assertThat(DATA.resolve(".openjfx")).as("JavaFX natives loaded from the runtime, not extracted").doesNotExist();
        assertThat(DATA.resolve(".jSerialComm")).as("jSerialComm loaded from the package").doesNotExist();

        Command.run("dpkg", "-r", "bianmin-kiosk").ok();
        assertThat(Path.of("/opt/bianmin-kiosk")).doesNotExist();
        assertThat(Path.of("/usr/bin/kioskctl")).doesNotExist();
        assertThat(DATA.resolve("kiosk.db")).as("remove keeps the data").exists();
        assertThat(CONFIG).as("remove keeps the config").exists();

        Command.run("dpkg", "--purge", "bianmin-kiosk").ok();
        assertThat(DATA).doesNotExist();
        assertThat(CONFIG.getParent()).doesNotExist();
        assertThat(Command.run("getent", "passwd", "kiosk").exitCode()).as("kiosk user removed").isNotZero();
        assertThat(Command.run("getent", "group", "kiosk").exitCode()).as("kiosk group removed").isNotZero();
        assertThat(Command.run("find", "/etc", "/opt", "/usr", "/var", "/lib", "-xdev", "-name", "*bianmin*")
                .out()).as("left behind").isEmpty();
    }

    /** Starts the installed kiosk headless until its first frame; returns the ms it logged from JVM start. */
    private static long smokeStart(boolean withCache) throws Exception {
        Path log = DATA.resolve("logs/kiosk.log");
        long before = Files.exists(log) ? Files.size(log) : 0;
        Command start = Command.run(Duration.ofMinutes(3), HEADLESS, "/usr/bin/bianmin-kiosk", "--exit-after-start");
        assertThat(start.exitCode()).as(start.out() + start.err()).isZero();
        if (withCache) {
            assertThat(start.err()).as("JVM warnings (an AOT cache that does not map)").doesNotContain("[aot]");
        }
        String logged = Files.readString(log).substring((int) before);
        assertThat(logged).contains("self-check PASS  data-dir");
        Matcher frame = Pattern.compile("first interactive frame (\\d+) ms").matcher(logged);
        assertThat(frame.find()).as(logged).isTrue();
        return Long.parseLong(frame.group(1));
    }

    private static void install(Path deb) throws Exception {
        if (Command.run("dpkg", "-i", deb.toString()).exitCode() != 0) {
            // Missing dependencies leave it unconfigured; apt brings them (not the recommended cage) and finishes.
            Command.run(Duration.ofMinutes(10), Map.of("DEBIAN_FRONTEND", "noninteractive"), "apt-get", "install",
                    "-y", "-q", "-f", "--no-install-recommends").ok();
        }
    }

    private static void purge() throws Exception {
        if (Command.run("dpkg-query", "-W", "bianmin-kiosk").exitCode() == 0) {
            Command.run("dpkg", "--purge", "bianmin-kiosk").ok();
        }
        assertThat(List.of(DATA, CONFIG)).noneMatch(Files::exists);
    }
}
