package org.bianmin.kiosk.app;

import ch.qos.logback.core.rolling.RollingFileAppender;
import java.io.IOException;
import java.nio.file.Path;
import org.bianmin.protocol.files.OwnerOnly;

/**
 * The production log file, owner-only (0600) from its first byte: logback itself creates files with the umask's
 * mode (0644), and kiosk logs name receipt numbers and devices. The file is created 0600 before logback opens it
 * for appending — at start and after every rollover. Compressed archives of rolled files are fixed by the data
 * directory's sweep at the next start ({@code DataDirectory.ensureExists}); until then the 0700 logs directory
 * keeps them private.
 */
public final class OwnerOnlyLogAppender<E> extends RollingFileAppender<E> {

    @Override
    public void openFile(String fileName) throws IOException {
        Path file = Path.of(fileName);
        if (file.toAbsolutePath().getParent() != null) {
            OwnerOnly.directory(file.toAbsolutePath().getParent());
        }
        OwnerOnly.file(file);
        super.openFile(fileName);
    }
}
