package org.bianmin.kiosk.cli;

import java.time.Duration;
import picocli.CommandLine.Option;

/** Options every {@code sim} subcommand takes. */
final class SimOptions {

    @Option(names = "--fault", defaultValue = "none", paramLabel = "NAME", description = "Fault to inject.")
    String fault;

    @Option(names = "--duration", defaultValue = "0", paramLabel = "S",
            description = "Stop after S seconds (default: run until Ctrl-C).")
    double durationSeconds;

    /** How long to run; zero means until Ctrl-C. */
    Duration duration() {
        return Duration.ofMillis((long) (durationSeconds * 1000));
    }
}
