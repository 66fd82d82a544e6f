package org.bianmin.kiosk.config;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.bianmin.protocol.files.OwnerOnly;

/**
 * Where the kiosk keeps its config, database, keys, logs and receipts. Chosen by {@code --data-dir}, else the
 * environment variable {@value #ENV}, else {@code ~/.bianmin-kiosk}. Owner-only: it holds personal data.
 * The config file is {@code config.json} inside it unless {@value #CONFIG_ENV} names another file: an installed
 * kiosk keeps its config in {@code /etc/bianmin-kiosk/config.json} and its data in {@code /var/lib/bianmin-kiosk}.
 */
public record DataDirectory(Path root, Path config) {

    public static final String ENV = "BIANMIN_KIOSK_DATA";
    public static final String CONFIG_ENV = "BIANMIN_KIOSK_CONFIG";

    /** A data directory that holds its own {@code config.json}. */
    public DataDirectory(Path root) {
        this(root, root.resolve("config.json"));
    }

    public static DataDirectory resolve(Optional<Path> option, Map<String, String> env) {
        Path root = option.orElseGet(() -> nonBlank(env, ENV).map(Path::of)
                .orElseGet(() -> Path.of(System.getProperty("user.home"), ".bianmin-kiosk")));
        Path normalized = root.toAbsolutePath().normalize();
        return nonBlank(env, CONFIG_ENV).map(file -> new DataDirectory(normalized, Path.of(file).toAbsolutePath()))
                .orElseGet(() -> new DataDirectory(normalized));
    }

    private static Optional<String> nonBlank(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).filter(s -> !s.isBlank());
    }

    /**
     * Creates the directory if needed and makes it and everything in it owner-only (directories 0700, files 0600),
     * whatever the umask: it holds personal data and keys. Sweeping on every start also fixes files a previous
     * version or a third-party library (log rotation) left readable. On Windows the installer's ACL applies.
     */
    public DataDirectory ensureExists() throws IOException {
        OwnerOnly.directory(root);
        OwnerOnly.tree(root);
        return this;
    }

    public Path logs() {
        return root.resolve("logs");
    }

    public Path database() {
        return root.resolve("kiosk.db");
    }
}
