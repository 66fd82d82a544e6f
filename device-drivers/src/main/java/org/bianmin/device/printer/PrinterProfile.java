package org.bianmin.device.printer;

import java.time.Duration;
import java.util.Objects;

/**
 * What the kiosk knows about one installed printer.
 *
 * @param nativeQr     whether it prints {@code GS ( k} QR codes; otherwise QR codes go as raster bands
 * @param chunkSize    bytes per write, small enough that flow control can stop us between chunks
 * @param writeTimeout how long one chunk may take before the printer counts as stalled
 * @param replyTimeout how long to wait for a {@code DLE EOT} reply
 */
public record PrinterProfile(PaperWidth paper, ChineseMode chineseMode, boolean nativeQr, int chunkSize,
        Duration writeTimeout, Duration replyTimeout) {

    public PrinterProfile {
        Objects.requireNonNull(paper, "paper");
        Objects.requireNonNull(chineseMode, "chineseMode");
        if (chunkSize < 16 || chunkSize > 65_536) {
            throw new IllegalArgumentException("chunk size must be 16..65536 bytes, was " + chunkSize);
        }
        if (writeTimeout.isNegative() || writeTimeout.isZero() || replyTimeout.isNegative() || replyTimeout.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
    }

    /**
     * A typical Chinese thermal kiosk printer: {@code FS &} mode, native QR, 256-byte chunks. Printers answer
     * {@code DLE EOT} within milliseconds; the 1 s reply timeout leaves room for a loaded USB-serial adapter.
     */
    public static PrinterProfile standard(PaperWidth paper) {
        return new PrinterProfile(paper, ChineseMode.FS_AMPERSAND, true, 256, Duration.ofSeconds(5),
                Duration.ofSeconds(1));
    }

    public PrinterProfile withNativeQr(boolean on) {
        return new PrinterProfile(paper, chineseMode, on, chunkSize, writeTimeout, replyTimeout);
    }

    public PrinterProfile withChineseMode(ChineseMode mode) {
        return new PrinterProfile(paper, mode, nativeQr, chunkSize, writeTimeout, replyTimeout);
    }
}
