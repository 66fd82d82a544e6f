package org.bianmin.device.transport;

import java.time.Duration;

/** Builds the transport a port address stands for. */
public final class Transports {

    private static final Duration TCP_CONNECT = Duration.ofSeconds(3);

    private Transports() {}

    /**
     * {@code tcp:HOST:PORT} gives a TCP client; a path or {@code usb:VVVV:PPPP[:SERIAL]} (resolved when opened) a
     * serial port at {@code line}. {@code sim:} has no transport: the simulator is wired by whoever runs it.
     */
    public static Transport forPort(PortAddress port, SerialSettings line) throws TransportException {
        return switch (port) {
            case PortAddress.Tcp(var host, var number) -> TcpTransport.client(host, number, TCP_CONNECT);
            case PortAddress.Serial serial -> new SerialTransport(serial.path(), line);
            case PortAddress.Usb usb -> new SerialTransport(usb.toString(), line);
            case PortAddress.Simulated sim -> throw new TransportException(TransportException.Kind.NOT_FOUND,
                    "sim: is the built-in simulator, not a port to open");
        };
    }

    /** {@link #forPort(PortAddress, SerialSettings)} for a port string (a command-line option); bad ones are NOT_FOUND. */
    public static Transport forPort(String port, SerialSettings line) throws TransportException {
        return forPort(address(port), line);
    }

    /** The address of a port string, a malformed one a {@link TransportException.Kind#NOT_FOUND}. */
    public static PortAddress address(String port) throws TransportException {
        try {
            return PortAddress.parse(port);
        } catch (PortAddress.InvalidPortException e) {
            throw new TransportException(TransportException.Kind.NOT_FOUND, e.getMessage(), e);
        }
    }
}
