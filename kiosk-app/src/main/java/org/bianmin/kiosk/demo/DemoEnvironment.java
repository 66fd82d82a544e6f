package org.bianmin.kiosk.demo;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bianmin.kiosk.devices.ConfiguredDevices;
import org.bianmin.portal.PortalServer;
import org.bianmin.protocol.catalogue.Catalogue;
import org.bianmin.protocol.signing.KeyFile;

/**
 * What {@code ./kiosk demo} runs in-process besides the kiosk: the reference portal on loopback (behind a network
 * cable that can be unplugged), and controls for the simulated devices (the configured {@code sim:} devices). The
 * only place the kiosk may touch the portal module.
 */
public final class DemoEnvironment implements AutoCloseable {

    private final PortalServer portal;
    private final DemoNetwork network;
    private final SimulatedDevices devices;

    private final AtomicBoolean closed = new AtomicBoolean();
    /** Ctrl+C or a TERM signal ends the JVM without the application's stop: the portal's data goes then too. */
    private final Thread onSignal = new Thread(this::close, "demo-portal-cleanup");

    private DemoEnvironment(PortalServer portal, DemoNetwork network, SimulatedDevices devices) {
        this.portal = portal;
        this.network = network;
        this.devices = devices;
        Runtime.getRuntime().addShutdownHook(onSignal);
    }

    /**
     * @param portalDir where the embedded portal keeps its database (submissions in clear: form values, ID
     *                  numbers, names): inside the demo's data directory, wiped at each start (a demo killed before
     *                  it stopped left one) and deleted when the demo stops; never the system temp directory
     */
    public static DemoEnvironment start(Catalogue catalogue, ConfiguredDevices devices, Path portalDir)
            throws IOException {
        PortalServer portal = PortalServer.startThrowAway(catalogue, "127.0.0.1", 0, portalDir);
        DemoNetwork network = null;
        try {
            network = new DemoNetwork(portal.port());
            return new DemoEnvironment(portal, network, new SimulatedDevices(devices));
        } catch (IOException | RuntimeException e) {
            if (network != null) {
                network.close();
            }
            portal.close();
            throw e;
        }
    }

    /** The portal as the kiosk reaches it: through the demo's network cable. */
    public URI portalUrl() {
        return URI.create("http://127.0.0.1:" + network.port() + "/");
    }

    /** The portal itself, past the demo's network cable: where its operator page is. */
    public URI portalDirectUrl() {
        return URI.create("http://127.0.0.1:" + portal.port() + "/");
    }

    /** Registers this kiosk with the embedded portal and returns its credential. */
    public String register(String kioskId) {
        return portal.registerKiosk(kioskId);
    }

    /** The public half of the key that signed the embedded portal's catalogue: the only key the demo trusts. */
    public List<KeyFile> trustedKeys() {
        return portal.bootstrap().map(b -> List.of(b.signingKey().publicOnly())).orElse(List.of());
    }

    /** The embedded portal, for tests that check what arrived there. */
    public PortalServer portal() {
        return portal;
    }

    public DemoNetwork network() {
        return network;
    }

    public SimulatedDevices devices() {
        return devices;
    }

    /** Stops the network cable and the portal and deletes the portal's directory; only the first call acts. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (Thread.currentThread() != onSignal) {
            try {
                Runtime.getRuntime().removeShutdownHook(onSignal);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs anyway and finds this closed
            }
        }
        network.close();
        portal.close();
    }
}
