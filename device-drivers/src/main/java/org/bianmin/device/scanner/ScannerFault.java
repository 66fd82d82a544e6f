package org.bianmin.device.scanner;

import java.util.Locale;
import java.util.Optional;

/** Faults the scanner simulator can inject; CLI names are the lower-case, dashed constant names. */
public enum ScannerFault {
    NONE,
    /** Random bytes and the suffix instead of the payload. */
    GARBAGE,
    /** The payload repeated past any sane size limit. */
    OVERLONG,
    /** The first half of the payload, then nothing (no suffix). */
    PARTIAL,
    /** The cable is pulled instead of sending, and plugged back in a second later. */
    UNPLUG;

    public String cliName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<ScannerFault> ofCliName(String name) {
        for (ScannerFault f : values()) {
            if (f.cliName().equals(name) || f.name().equalsIgnoreCase(name)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
