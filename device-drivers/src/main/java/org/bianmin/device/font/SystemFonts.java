package org.bianmin.device.font;

import java.nio.file.Path;
import java.util.Optional;

/**
 * This machine's font resolution, made once per process: fontconfig on Linux, the Fonts folder on Windows, the
 * file named by {@value #ENV} first if set. {@code ./kiosk} runs {@link #main} (java's source-file mode) to decide
 * whether fonts must be installed, so it asks exactly what the kiosk asks.
 */
public final class SystemFonts {

    /** Environment variable naming a .ttf/.ttc/.otf file to try before the installed fonts. */
    public static final String ENV = "BIANMIN_RECEIPT_FONT";

    private SystemFonts() {}

    private static final class Holder {
        static final FontResolution RESOLUTION = FontResolver.resolve(FontSource.system(), configured());
    }

    public static FontResolution resolution() {
        return Holder.RESOLUTION;
    }

    /** The file {@value #ENV} names, if set. */
    public static Optional<Path> configured() {
        return Optional.ofNullable(System.getenv(ENV)).filter(s -> !s.isBlank()).map(Path::of);
    }

    /** Prints the resolution; exit code 0 usable, 1 not. */
    public static void main(String[] args) {
        switch (resolution()) {
            case FontResolution.Usable u -> System.out.println("fonts: " + u.fonts().describe());
            case FontResolution.Unusable u -> {
                System.out.println("fonts: unusable: " + u.reason());
                System.exit(1);
            }
        }
    }
}
