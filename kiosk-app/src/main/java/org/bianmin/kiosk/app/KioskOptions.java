package org.bianmin.kiosk.app;

import java.nio.file.Path;
import java.util.Optional;
import org.bianmin.kiosk.config.DataDirectory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Command-line options of the kiosk application itself. */
@Command(name = "kiosk-app", mixinStandardHelpOptions = true, description = "Bianmin Kiosk (便民自助终端)")
public final class KioskOptions {

    @Option(names = "--windowed", description = "Development only: a normal window instead of locked full-screen.")
    boolean windowed;

    @Option(names = "--exit-after-start", description = "Smoke start: exit once the first frame is shown "
            + "(the package's start test and the AOT cache's training run).")
    boolean exitAfterStart;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Data directory (default: $" + DataDirectory.ENV + " or ~/.bianmin-kiosk).")
    Path dataDir;

    public static KioskOptions parse(String... args) {
        KioskOptions options = new KioskOptions();
        new CommandLine(options).parseArgs(args);
        return options;
    }

    public boolean windowed() {
        return windowed;
    }

    public boolean exitAfterStart() {
        return exitAfterStart;
    }

    /**
     * Development runs ({@code --windowed}, the demo's launcher) log to the console; a production kiosk logs to a
     * rotating file in its data directory.
     */
    public boolean production() {
        return !windowed;
    }

    public DataDirectory dataDirectory() {
        return DataDirectory.resolve(Optional.ofNullable(dataDir), System.getenv());
    }
}
