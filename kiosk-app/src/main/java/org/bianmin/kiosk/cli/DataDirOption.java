package org.bianmin.kiosk.cli;

import java.nio.file.Path;
import java.util.Optional;
import org.bianmin.kiosk.config.DataDirectory;
import picocli.CommandLine.Option;

/** The {@code --data-dir} option shared by every command that works on a kiosk's data. */
final class DataDirOption {

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Kiosk data directory (default: $" + DataDirectory.ENV + " or ~/.bianmin-kiosk).")
    Path dataDir;

    DataDirectory resolve() {
        return DataDirectory.resolve(Optional.ofNullable(dataDir), System.getenv());
    }
}
