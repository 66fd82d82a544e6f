package org.bianmin.kiosk.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;

/**
 * Where the kiosk keeps its config, database, keys, logs and receipts. Chosen by {@code --data-dir}, else the
 * environment variable {@value #ENV}, else {@code ~/.bianmin-kiosk}. Created owner-only: it holds personal data.
 */
public record DataDirectory(Path root) {

    public static final String ENV = "BIANMIN_KIOSK_DATA";

    public static DataDirectory resolve(Optional<Path> option, Map<String, String> env) {
        Path root = option.orElseGet(() -> Optional.ofNullable(env.get(ENV)).filter(s -> !s.isBlank()).map(Path::of)
                .orElseGet(() -> Path.of(System.getProperty("user.home"), ".bianmin-kiosk")));
        return new DataDirectory(root.toAbsolutePath().normalize());
    }

    /** Creates the directory (owner-only where the file system supports it) if it does not exist. */
    public DataDirectory ensureExists() throws IOException {
        if (!Files.isDirectory(root)) {
            Files.createDirectories(root);
            try {
                Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwx------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the installer sets an ACL instead.
            }
        }
        return this;
    }

    public Path config() {
        return root.resolve("config.json");
    }

    public Path logs() {
        return root.resolve("logs");
    }

    public Path database() {
        return root.resolve("kiosk.db");
    }
}
