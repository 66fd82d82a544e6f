package org.bianmin.protocol.files;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Owner-only files and directories (0600 / 0700) for personal data, credentials and keys, on the kiosk and the
 * portal alike. Modes are set explicitly after creation, so they do not depend on the process's umask (which only
 * ever takes bits away at creation, and a lax umask leaves 0644). On file systems without POSIX permissions
 * (Windows) every method only creates what it is asked to: there the installer's ACL on the data directory applies.
 * Symbolic links are never followed when changing modes.
 */
public final class OwnerOnly {

    public static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    public static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");

    private OwnerOnly() {}

    /** Creates {@code dir} and any missing parents; {@code dir} itself ends up 0700 whether it existed or not. */
    public static Path directory(Path dir) throws IOException {
        Files.createDirectories(dir);
        restrict(dir, DIRECTORY);
        return dir;
    }

    /**
     * Creates {@code file} empty if it does not exist and makes it 0600 — before anything is written to it, so its
     * content is never readable by others, not even for a moment.
     */
    public static Path file(Path file) throws IOException {
        try {
            Files.createFile(file);
        } catch (FileAlreadyExistsException exists) {
            // keep its content; the mode is fixed below
        }
        restrict(file, FILE);
        return file;
    }

    /** Makes {@code file} 0600 if it exists (SQLite's -wal and -shm files, a file another library wrote). */
    public static void ifExists(Path file) throws IOException {
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            restrict(file, FILE);
        }
    }

    /**
     * Makes {@code root} and every directory below it 0700 and every regular file 0600: what an upgrade from a
     * version that left files 0644 needs, and what catches files third-party code (log rotation, archives) created.
     */
    public static void tree(Path root) throws IOException {
        if (!posix(root)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                restrict(dir, DIRECTORY);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (attrs.isRegularFile()) {
                    restrict(file, FILE);
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static void restrict(Path path, Set<PosixFilePermission> mode) throws IOException {
        if (posix(path) && !Files.isSymbolicLink(path)) {
            Files.setPosixFilePermissions(path, mode);
        }
    }

    private static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
