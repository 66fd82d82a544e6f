package org.bianmin.installer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built .deb, inspected with dpkg-deb: what it depends on, what it installs and with which permissions. */
class DebPackageTest {

    @TempDir
    static Path dir;

    static Path deb;
    static Map<String, String> files;   // path -> "mode owner"

    @BeforeAll
    static void listIt() throws Exception {
        deb = Command.deb();
        // drwxr-xr-x root/root         0 2026-11-22 03:00 ./opt/bianmin-kiosk/
        files = Arrays.stream(Command.run("dpkg-deb", "-c", deb.toString()).ok().out().split("\n"))
                .map(line -> line.split("\\s+", 6))
                .collect(Collectors.toMap(f -> f[5].replaceFirst("^\\.", "").replaceFirst(" -> .*", ""),
                        f -> f[0] + " " + f[1]));
    }

    @Test
    void dependsOnACjkFontGtk3AndWhatTheMaintainerScriptsUse() throws Exception {
        String info = Command.run("dpkg-deb", "-I", deb.toString()).ok().out();
        assertThat(info).contains(" Package: bianmin-kiosk", " Architecture: amd64", " Version: 0.1.0",
                "fonts-wqy-microhei | fonts-noto-cjk", "libgtk-3-0 | libgtk-3-0t64", "adduser", "systemd",
                " Recommends: cage, xwayland", " postinst", " postrm", " prerm");
    }

    @Test
    void installsTheAppImageWithItsRuntimeJavaFxNativesAndAotCache() {
        assertThat(files).containsKeys("/opt/bianmin-kiosk/bin/bianmin-kiosk", "/opt/bianmin-kiosk/bin/kioskctl",
                "/opt/bianmin-kiosk/lib/app/kiosk.aot", "/opt/bianmin-kiosk/lib/app/bianmin-kiosk.cfg",
                "/opt/bianmin-kiosk/lib/runtime/lib/libglassgtk3.so",
                "/opt/bianmin-kiosk/lib/app/native/libjSerialComm.so",
                "/usr/bin/bianmin-kiosk", "/usr/bin/kioskctl", "/lib/systemd/system/bianmin-kiosk.service",
                "/usr/share/bianmin-kiosk/x11-session.conf",
                "/usr/share/doc/bianmin-kiosk/examples/99-bianmin-kiosk-devices.rules",
                "/usr/share/doc/bianmin-kiosk/install.md", "/usr/share/doc/bianmin-kiosk/copyright");
        assertThat(files.keySet()).as("config and data are made by postinst, owner-only")
                .noneMatch(p -> p.startsWith("/etc/") || p.startsWith("/var/"));
    }

    @Test
    void everythingIsRootsAndNothingIsWritableByOthers() {
        assertThat(files.values()).allMatch(v -> v.endsWith(" root/root"));
        assertThat(files.values()).noneMatch(v -> v.charAt(8) == 'w' && v.charAt(0) != 'l');
        assertThat(files.get("/opt/bianmin-kiosk/bin/bianmin-kiosk")).startsWith("-rwxr-xr-x");
        assertThat(files.get("/usr/bin/kioskctl")).startsWith("-rwxr-xr-x");
        assertThat(files.get("/lib/systemd/system/bianmin-kiosk.service")).startsWith("-rw-r--r--");
    }

    @Test
    void theUnitRestartsAlwaysAndHasAWatchdogTheAppFeeds() throws Exception {
        Path root = dir.resolve("root");
        Command.run("dpkg-deb", "-x", deb.toString(), root.toString()).ok();
        List<String> unit = Files.readAllLines(root.resolve("lib/systemd/system/bianmin-kiosk.service"));
        assertThat(unit).contains("Type=notify", "NotifyAccess=all", "User=kiosk", "Restart=always",
                "WatchdogSec=120", "StartLimitIntervalSec=0", "ExecStart=/usr/bin/cage -d -- /usr/bin/bianmin-kiosk",
                "WantedBy=graphical.target");
        assertThat(Files.readString(root.resolve("opt/bianmin-kiosk/lib/app/bianmin-kiosk.cfg")))
                .contains("-XX:AOTCache=$APPDIR/kiosk.aot", "-DjSerialComm.library.path=$APPDIR/native");

        // systemd's own parser: unknown keys, bad values. cage is only recommended, so it may be missing here.
        Command verify = Command.run("systemd-analyze", "verify",
                root.resolve("lib/systemd/system/bianmin-kiosk.service").toString());
        assertThat((verify.out() + verify.err()).lines().filter(l -> !l.isBlank())
                .filter(l -> !l.contains("Command /usr/bin/cage is not executable"))).isEmpty();
    }

    @Test
    void theRuntimeHasTheJavaFxModulesLinkedInWithTheirNativesOutsideTheImage() throws Exception {
        Path root = dir.resolve("runtime-root");
        Command.run("dpkg-deb", "-x", deb.toString(), root.toString()).ok();
        Path runtime = root.resolve("opt/bianmin-kiosk/lib/runtime");
        assertThat(Command.run(runtime.resolve("bin/java").toString(), "--list-modules").ok().out())
                .contains("javafx.base@26", "javafx.graphics@26", "javafx.controls@26", "jdk.localedata@25");
        String jimage = Path.of(System.getProperty("java.home"), "bin", "jimage").toString();
        assertThat(Command.run(jimage, "list", runtime.resolve("lib/modules").toString()).ok().out())
                .contains("javafx/scene/Node.class").doesNotContain("libglass.so");
    }

    /**
     * The hall's package is the kiosk alone: the reference portal, Javalin and Jetty are the demo's (kiosk-demo),
     * never shipped. Checked on the package's file list, the launcher's class path and every class of every jar.
     */
    @Test
    void carriesNoPortalJavalinOrJettyClassOrJar() throws Exception {
        Path root = dir.resolve("content-root");
        Command.run("dpkg-deb", "-x", deb.toString(), root.toString()).ok();
        List<String> jars = files.keySet().stream().filter(p -> p.endsWith(".jar")).sorted().toList();
        assertThat(jars).as("the app's jars").anyMatch(p -> p.matches(".*/lib/app/kiosk-app[^/]*\\.jar"))
                .noneMatch(p -> FORBIDDEN_JAR.matcher(p.substring(p.lastIndexOf('/') + 1)).find());
        assertThat(Files.readString(root.resolve("opt/bianmin-kiosk/lib/app/bianmin-kiosk.cfg")))
                .doesNotContainIgnoringCase("portal").doesNotContainIgnoringCase("javalin")
                .doesNotContainIgnoringCase("jetty");
        List<String> forbidden = new ArrayList<>();
        for (String jar : jars) {
            try (var zip = new ZipFile(root.resolve(jar.substring(1)).toFile())) {
                zip.stream().map(ZipEntry::getName).filter(n -> n.endsWith(".class"))
                        .filter(n -> FORBIDDEN_CLASSES.stream().anyMatch(n::startsWith))
                        .forEach(n -> forbidden.add(jar + "!" + n));
            }
        }
        assertThat(forbidden).as("portal, Javalin or Jetty classes in the package").isEmpty();
    }

    /**
     * What the package leaves out: libraries only a path the kiosk never takes uses (YAML schemas, Brotli PDF
     * streams, zxing's command-line decoder), and SQLite's native library for the 19 platforms that are not amd64
     * Linux (build-deb.sh strips them).
     */
    @Test
    void carriesNoLibraryTheKioskNeverUsesAndOnlyTheAmd64SqliteNative() throws Exception {
        Path root = dir.resolve("libraries-root");
        Command.run("dpkg-deb", "-x", deb.toString(), root.toString()).ok();
        List<String> jars = files.keySet().stream().filter(p -> p.endsWith(".jar"))
                .map(p -> p.substring(p.lastIndexOf('/') + 1)).toList();
        assertThat(jars).noneMatch(j -> j.matches("(brotli4j|native-linux|service|jcommander|jai-imageio|snakeyaml"
                + "|jackson-dataformat-yaml).*"));
        String sqlite = files.keySet().stream().filter(p -> p.matches(".*/sqlite-jdbc-[^/]*\\.jar")).findFirst()
                .orElseThrow();
        try (ZipFile zip = new ZipFile(root.resolve(sqlite.substring(1)).toFile())) {
            assertThat(zip.stream().map(ZipEntry::getName).filter(n -> !n.endsWith("/"))
                    .filter(n -> n.startsWith("org/sqlite/native/")))
                    .isNotEmpty().allMatch(n -> n.startsWith("org/sqlite/native/Linux/x86_64/"));
        }
    }

    private static final Pattern FORBIDDEN_JAR =
            Pattern.compile("^(portal|javalin|jetty|kiosk-demo)", Pattern.CASE_INSENSITIVE);
    private static final List<String> FORBIDDEN_CLASSES = List.of("org/bianmin/portal/", "org/bianmin/kiosk/demo/",
            "io/javalin/", "org/eclipse/jetty/");

    @Test
    void theMaintainerScriptsAreValidShell() throws Exception {
        Path control = dir.resolve("control");
        Command.run("dpkg-deb", "-e", deb.toString(), control.toString()).ok();
        for (String script : List.of("postinst", "prerm", "postrm")) {
            Command.run("sh", "-n", control.resolve(script).toString()).ok();
        }
        assertThat(Files.readString(control.resolve("postinst"))).contains("adduser --quiet kiosk dialout");
    }
}
