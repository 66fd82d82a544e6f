package org.bianmin.kiosk.technician;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.bianmin.device.transport.SerialPorts;
import org.bianmin.device.transport.TransportException;

/**
 * The serial ports on this machine as a technician should configure them: each with its stable name, the
 * {@code /dev/serial/by-id} link udev made for it (survives replugging and reordering) or else its {@code usb:}
 * identity, so the console never suggests a bare {@code ttyUSB0}.
 */
public final class SerialPortList {

    /** Where udev puts stable links to USB serial devices. */
    public static final Path BY_ID = Path.of("/dev/serial/by-id");

    /**
     * One port.
     *
     * @param path        what the OS calls it ({@code /dev/ttyUSB0})
     * @param stableName  what to put in the config: the by-id link, the {@code usb:} name, or the path itself
     */
    public record Port(String path, String stableName, String description) {}

    private SerialPortList() {}

    /** The ports jSerialComm lists, and by-id links it may not (a port already open elsewhere). */
    public static List<Port> find(Path byId) throws TransportException {
        Map<String, String> links = byIdLinks(byId);
        List<Port> ports = new ArrayList<>();
        for (SerialPorts.PortInfo p : SerialPorts.list()) {
            String stable = Optional.ofNullable(links.remove(p.path())).or(p::usbName).orElse(p.path());
            ports.add(new Port(p.path(), stable, p.description()));
        }
        links.forEach((target, link) -> ports.add(new Port(target, link, "")));
        return ports;
    }

    /** Real device path → by-id link. */
    private static Map<String, String> byIdLinks(Path byId) {
        Map<String, String> links = new HashMap<>();
        if (!Files.isDirectory(byId)) {
            return links;
        }
        try (Stream<Path> entries = Files.list(byId)) {
            for (Path link : entries.sorted().toList()) {
                try {
                    links.put(link.toRealPath().toString(), link.toString());
                } catch (IOException dangling) {
                    // a device unplugged while we look: not a port any more
                }
            }
        } catch (IOException e) {
            return links;
        }
        return links;
    }
}
