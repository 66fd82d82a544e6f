package org.bianmin.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.bianmin.protocol.catalogue.CatalogueReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The portal's data directory holds credentials, its signing key and citizens' applications: owner-only. */
class PortalFilesTest {

    @TempDir
    Path tmp;

    @Test
    void theDatabaseItsWalAndShmKeysAndCredentialsAreOwnerOnlyAlsoAfterAnUpgrade() throws Exception {
        Path data = tmp.resolve("portal");
        Files.createDirectories(data);
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x")); // as a 022 umask leaves it
        PortalOptions options = PortalOptions.of(data, "127.0.0.1", 0, new CatalogueReader().readSample());

        try (PortalServer portal = PortalServer.start(options)) {
            portal.registerKiosk("kiosk-x"); // a write, so the WAL and its index exist
            assertOwnerOnly(data);
            assertThat(data.resolve("portal.db-wal")).exists();
            assertThat(data.resolve("portal.db-shm")).exists();
        }

        // A portal data directory from before: everything world-readable. The next start fixes it.
        try (Stream<Path> all = Files.walk(data)) {
            for (Path p : all.toList()) {
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(
                        Files.isDirectory(p) ? "rwxr-xr-x" : "rw-r--r--"));
            }
        }
        try (PortalServer portal = PortalServer.start(options)) {
            portal.registerKiosk("kiosk-y");
            assertOwnerOnly(data);
        }
    }

    private static void assertOwnerOnly(Path data) throws Exception {
        assertThat(mode(data)).isEqualTo("rwx------");
        assertThat(mode(data.resolve("keys"))).isEqualTo("rwx------");
        for (String file : List.of("portal.db", "portal.db-wal", "portal.db-shm", "keys/operator.key.json",
                "keys/operator.pub.json", "demo-credentials.txt")) {
            if (Files.exists(data.resolve(file))) {
                assertThat(mode(data.resolve(file))).as(file).isEqualTo("rw-------");
            }
        }
        assertThat(mode(data.resolve("portal.db"))).isEqualTo("rw-------");
    }

    private static String mode(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
