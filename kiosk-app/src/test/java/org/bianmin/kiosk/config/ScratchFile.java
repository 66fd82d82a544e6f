package org.bianmin.kiosk.config;

import java.nio.file.Files;
import java.nio.file.Path;

/** jqwik properties get no {@code @TempDir}: each try writes its input to a fresh temporary file, deleted after. */
public final class ScratchFile {

    /** What a try does with the file. */
    public interface Use {
        void accept(Path file) throws Exception;
    }

    private ScratchFile() {}

    public static void with(byte[] content, Use use) throws Exception {
        Path file = Files.createTempFile("scratch", ".json");
        try {
            Files.write(file, content);
            use.accept(file);
        } finally {
            Files.delete(file);
        }
    }
}
