package org.bianmin.kiosk.demo;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's network cable between the kiosk and its embedded portal: a loopback TCP relay that can be unplugged.
 * Unplugged, open connections are cut and new ones closed at once — what a kiosk sees when the hall's line goes
 * down — so the offline path (queue, honest receipt, delivery when the line is back) can be tried and tested.
 */
public final class DemoNetwork implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DemoNetwork.class);

    private final ServerSocket server;
    private final int portalPort;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean connected = true;

    DemoNetwork(int portalPort) throws IOException {
        this.portalPort = portalPort;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().name("demo-network").start(this::accept);
    }

    /** Where the kiosk reaches the portal. */
    public int port() {
        return server.getLocalPort();
    }

    public boolean connected() {
        return connected;
    }

    /** Plugs the cable in or pulls it out (cutting every connection in flight). */
    public void connected(boolean plugged) {
        connected = plugged;
        LOG.info("demo network {}", plugged ? "connected" : "disconnected");
        if (!plugged) {
            open.forEach(DemoNetwork::closeQuietly);
        }
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket kiosk = server.accept();
                if (connected) {
                    Thread.ofVirtual().start(() -> relay(kiosk));
                } else {
                    closeQuietly(kiosk);
                }
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void relay(Socket kiosk) {
        try (kiosk; Socket portal = new Socket(InetAddress.getLoopbackAddress(), portalPort)) {
            open.add(kiosk);
            open.add(portal);
            Thread back = Thread.ofVirtual().start(() -> pump(portal, kiosk));
            pump(kiosk, portal);
            back.join();
        } catch (IOException e) {
            // the portal refused: the kiosk sees its connection closed
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            open.remove(kiosk);
        }
    }

    /** Copies one direction until it ends, then closes both ends (HTTP never half-closes here). */
    private void pump(Socket from, Socket to) {
        try {
            from.getInputStream().transferTo(to.getOutputStream());
        } catch (IOException e) {
            // cut or closed: end both directions below
        } finally {
            open.remove(from);
            open.remove(to);
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() {
        connected(false);
        try {
            server.close();
        } catch (IOException e) {
            LOG.debug("demo network relay close", e);
        }
    }
}
