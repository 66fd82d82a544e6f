package org.bianmin.kiosk.config;

import java.io.IOException;
import java.nio.file.Path;
import org.bianmin.protocol.files.OwnerOnly;

/**
 * Writes a whole file through a temporary sibling and a move, so a crash never leaves half a file; owner-only
 * (0600), since the kiosk's config holds its portal token and PIN hashes ({@link OwnerOnly#write}).
 */
public final class AtomicFile {

    private AtomicFile() {}

    public static void write(Path file, byte[] content) throws IOException {
        OwnerOnly.write(file, content);
    }
}
