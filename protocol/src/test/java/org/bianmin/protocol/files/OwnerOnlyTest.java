package org.bianmin.protocol.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OwnerOnlyTest {

    @TempDir
    Path dir;

    static String mode(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    @Test
    void directoriesAndFilesBecomeOwnerOnlyWhateverTheyWereBefore() throws Exception {
        Path open = Files.createDirectory(dir.resolve("open"), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwxrwxrwx")));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertThat(mode(OwnerOnly.directory(open))).isEqualTo("rwx------");
        assertThat(mode(OwnerOnly.directory(dir.resolve("a/b")))).isEqualTo("rwx------");

        Path existing = Files.writeString(open.resolve("config.json"), "{}");
        Files.setPosixFilePermissions(existing, PosixFilePermissions.fromString("rw-rw-rw-"));
        assertThat(mode(OwnerOnly.file(existing))).isEqualTo("rw-------");
        assertThat(Files.readString(existing)).as("content kept").isEqualTo("{}");
        Path fresh = OwnerOnly.file(open.resolve("new.db"));
        assertThat(mode(fresh)).isEqualTo("rw-------");
        assertThat(Files.size(fresh)).isZero();

        OwnerOnly.ifExists(open.resolve("absent-wal"));
        assertThat(open.resolve("absent-wal")).doesNotExist();
    }

    @Test
    void aTreeSweepFixesEveryFileAndDirectoryBelowTheRootButFollowsNoLinks() throws Exception {
        Path logs = Files.createDirectories(dir.resolve("data/logs"));
        Path log = Files.writeString(logs.resolve("kiosk.log"), "x");
        Path outside = Files.writeString(dir.resolve("outside.txt"), "y");
        Files.setPosixFilePermissions(outside, PosixFilePermissions.fromString("rw-r--r--"));
        Files.createSymbolicLink(logs.resolve("link"), outside);
        for (Path p : new Path[] {dir.resolve("data"), logs}) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Files.setPosixFilePermissions(log, PosixFilePermissions.fromString("rw-r--r--"));

        OwnerOnly.tree(dir.resolve("data"));

        assertThat(mode(dir.resolve("data"))).isEqualTo("rwx------");
        assertThat(mode(logs)).isEqualTo("rwx------");
        assertThat(mode(log)).isEqualTo("rw-------");
        assertThat(mode(outside)).as("a link's target outside the tree is left alone").isEqualTo("rw-r--r--");
    }
}
