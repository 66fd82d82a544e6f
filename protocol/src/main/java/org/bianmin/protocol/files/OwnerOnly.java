package org.bianmin.protocol.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
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

    /**
     * Replaces {@code target} with {@code content} atomically and owner-only: written to a 0600 temporary sibling,
     * forced to disk, then renamed over the target, so a crash leaves the old file or the new one, never half of
     * one, and the content is never readable by others. Missing parent directories are created (0700).
     */
    public static void write(Path target, byte[] content) throws IOException {
        Path parent = target.toAbsolutePath().getParent();
        if (!Files.isDirectory(parent)) {
            directory(parent);
        }
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        file(tmp);
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                ch.write(buffer);
            }
            ch.force(true);
        }
        try {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Makes {@code file} 0600 if it exists (SQLite's -wal and -shm files, a file another library wrote). */
    public static void ifExists(Path file) throws IOException {
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            restrict(file, FILE);
        }
    }

    /**
     * A SQLite database about to be opened: the file is created 0600 if absent, and existing {@code -wal},
     * {@code -shm} and {@code -journal} files are made 0600. SQLite creates those companions with the database
     * file's own mode, so from then on they are owner-only too.
     */
    public static void database(Path file) throws IOException {
        file(file);
        for (String suffix : new String[] {"-wal", "-shm", "-journal"}) {
            ifExists(file.resolveSibling(file.getFileName() + suffix));
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
