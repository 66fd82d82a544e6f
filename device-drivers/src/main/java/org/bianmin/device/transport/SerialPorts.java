package org.bianmin.device.transport;

import com.fazecast.jSerialComm.SerialPort;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds serial ports. A kiosk configures ports by stable names: a path (best {@code /dev/serial/by-id/…}, which
 * survives replugs, unlike {@code ttyUSB0}; pseudo-terminal symlinks work too) or a USB identity
 * {@code usb:VVVV:PPPP[:SERIAL]} (hex vendor and product id, optional serial number) matched against the ports
 * the OS currently lists.
 */
public final class SerialPorts {

    /** One port the OS lists. {@code vendorId}/{@code productId} are -1 for non-USB ports. */
    public record PortInfo(String path, String description, int vendorId, int productId, String serialNumber) {

        /** The {@code usb:…} name of this port, if it is a USB device. */
        public Optional<String> usbName() {
            if (vendorId < 0 || productId < 0) {
                return Optional.empty();
            }
            boolean noSerial = serialNumber == null || serialNumber.isBlank() || serialNumber.equals("Unknown");
            return Optional.of(new PortAddress.Usb(vendorId, productId,
                    noSerial ? Optional.empty() : Optional.of(serialNumber)).toString());
        }
    }

    private SerialPorts() {}

    /** The ports the OS lists now (pseudo-terminals only if linked directly under /dev). */
    public static List<PortInfo> list() throws TransportException {
        List<PortInfo> ports = new ArrayList<>();
        try {
            for (SerialPort port : SerialPort.getCommPorts()) {
                ports.add(new PortInfo(port.getSystemPortPath(), port.getPortDescription(), port.getVendorID(),
                        port.getProductID(), port.getSerialNumber()));
            }
        } catch (LinkageError e) {
            throw nativeLibraryMissing(e);
        }
        return ports;
    }

    /** Resolves a configured name to a path: {@code usb:} names are looked up, a path is itself. */
    public static String resolve(String name) throws TransportException {
        return switch (Transports.address(name)) {
            case PortAddress.Serial serial -> serial.path();
            case PortAddress.Usb usb -> resolve(usb);
            case PortAddress other -> throw new TransportException(TransportException.Kind.NOT_FOUND,
                    other + " is not a serial port");
        };
    }

    /** The path of the one USB serial device matching {@code usb} now. */
    public static String resolve(PortAddress.Usb usb) throws TransportException {
        String name = usb.toString();
        int vendor = usb.vendorId();
        int product = usb.productId();
        String serial = usb.serialNumber().orElse(null);
        List<PortInfo> matches = list().stream()
                .filter(p -> p.vendorId() == vendor && p.productId() == product)
                .filter(p -> serial == null || serial.equals(p.serialNumber()))
                .toList();
        if (matches.isEmpty()) {
            throw new TransportException(TransportException.Kind.NOT_FOUND, "no USB serial device " + name);
        }
        if (matches.size() > 1) {
            throw new TransportException(TransportException.Kind.BUSY,
                    matches.size() + " devices match " + name + "; add the serial number to tell them apart");
        }
        return matches.getFirst().path();
    }

    static TransportException nativeLibraryMissing(Throwable e) {
        return new TransportException(TransportException.Kind.IO,
                "jSerialComm's native library did not load (a noexec java.io.tmpdir?); "
                        + "set -DjSerialComm.library.path=<a directory on an exec filesystem>", e);
    }
}
