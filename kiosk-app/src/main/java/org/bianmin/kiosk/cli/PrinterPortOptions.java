package org.bianmin.kiosk.cli;

import org.bianmin.device.printer.ChineseMode;
import org.bianmin.device.printer.PaperWidth;
import org.bianmin.device.printer.PrinterProfile;
import org.bianmin.device.transport.SerialSettings;
import org.bianmin.device.transport.Transport;
import org.bianmin.device.transport.TransportException;
import org.bianmin.device.transport.Transports;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** Where a receipt printer is and what it can do: shared by {@code print}, {@code printer} and {@code sim printer}. */
final class PrinterPortOptions {

    @Option(names = "--port", required = true, paramLabel = "PATH",
            description = "Serial port (/dev/ttyUSB0, /dev/serial/by-id/…, usb:VVVV:PPPP, a socat pty link) or "
                    + "tcp:HOST:PORT for a network printer.")
    String port;

    @Option(names = "--baud", defaultValue = "115200", description = "Serial speed (default ${DEFAULT-VALUE}).")
    int baud;

    @Option(names = "--width", defaultValue = "80", paramLabel = "58|80", converter = WidthConverter.class,
            description = "Paper width in mm (default ${DEFAULT-VALUE}).")
    PaperWidth paper;

    @Option(names = "--chinese", defaultValue = "FS_AMPERSAND", paramLabel = "MODE",
            description = "How the printer takes Chinese: FS_AMPERSAND (FS & … FS .) or RAW GB18030 "
                    + "(default ${DEFAULT-VALUE}).")
    ChineseMode chinese;

    @Option(names = "--raster-qr", description = "Send QR codes as GS v 0 images (printers without GS ( k).")
    boolean rasterQr;

    PrinterProfile profile() {
        return PrinterProfile.standard(paper).withChineseMode(chinese).withNativeQr(!rasterQr);
    }

    /** {@code 58} or {@code 80}; anything else is a usage error, not a stack trace. */
    static final class WidthConverter implements CommandLine.ITypeConverter<PaperWidth> {
        @Override
        public PaperWidth convert(String value) {
            try {
                return PaperWidth.ofMillimetres(Integer.parseInt(value.strip()));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException("paper width must be 58 or 80, was " + value);
            }
        }
    }

    Transport transport() throws TransportException {
        return Transports.forPort(port, SerialSettings.of8N1(baud));
    }
}
