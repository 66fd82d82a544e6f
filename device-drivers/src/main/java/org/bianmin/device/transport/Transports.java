package org.bianmin.device.transport;

import java.time.Duration;

/** Builds the transport a configured port name stands for. */
public final class Transports {

    private static final Duration TCP_CONNECT = Duration.ofSeconds(3);

    private Transports() {}

    /**
     * {@code tcp:HOST:PORT} gives a TCP client; anything else is a serial port name (a path, a pty symlink, or
     * {@code usb:VVVV:PPPP[:SERIAL]}, resolved when opened) at {@code line}.
     */
    public static Transport forPort(String port, SerialSettings line) throws TransportException {
        if (port.startsWith("tcp:")) {
            int colon = port.lastIndexOf(':');
            try {
                return TcpTransport.client(port.substring(4, colon), Integer.parseInt(port.substring(colon + 1)),
                        TCP_CONNECT);
            } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
                throw new TransportException(TransportException.Kind.NOT_FOUND,
                        "a network port must be tcp:HOST:PORT, was " + port, e);
            }
        }
        return new SerialTransport(port, line);
    }
}
