package org.bianmin.kiosk.demo;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javafx.scene.Node;
import org.bianmin.device.scanner.ScanResult;
import org.bianmin.kiosk.app.KioskAddOn;
import org.bianmin.kiosk.config.DataDirectory;
import org.bianmin.kiosk.config.KioskConfig;
import org.bianmin.kiosk.devices.ConfiguredDevices;
import org.bianmin.kiosk.i18n.Messages;
import org.bianmin.portal.PortalServer;
import org.bianmin.protocol.catalogue.Catalogue;
import org.bianmin.protocol.signing.KeyFile;

/**
 * What {@code ./kiosk demo} runs in-process besides the kiosk, added through kiosk-app's {@link KioskAddOn} seam:
 * the reference portal on loopback (behind a network cable that can be unplugged), the kiosk registered with it and
 * trusting its catalogue key, and the demo bar driving the simulated devices (the configured {@code sim:} devices).
 * This module is the only place the kiosk meets the portal module.
 */
public final class DemoEnvironment implements KioskAddOn {

    /** The embedded portal, under the data directory: its database holds submissions in clear. */
    public static final String PORTAL_DIR = "demo-portal";

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
     * Starts the demo for the kiosk on {@code data} (the demo launcher's add-on). The embedded portal keeps its
     * database (submissions in clear: form values, ID numbers, names) in {@link #PORTAL_DIR} inside the demo's data
     * directory, wiped at each start (a demo killed before it stopped left one) and deleted when the demo stops;
     * never in the system temp directory.
     */
    public static DemoEnvironment start(Catalogue catalogue, ConfiguredDevices devices, DataDirectory data)
            throws IOException {
        PortalServer portal = PortalServer.startThrowAway(catalogue, "127.0.0.1", 0, data.root().resolve(PORTAL_DIR));
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

    /** The kiosk registered with the embedded portal, reaching it through the demo's cable, trusting its key. */
    @Override
    public KioskConfig configure(KioskConfig config) {
        return config.withPortal(portalUrl(), register(config.kioskId()), trustedKeys());
    }

    /** A catalogue file exported from the embedded portal's operator page is signed with its key. */
    @Override
    public List<KeyFile> importKeys() {
        return trustedKeys();
    }

    /** The demo bar scans e-ID codes. */
    @Override
    public boolean scans() {
        return true;
    }

    @Override
    public Optional<Node> controls(Messages messages, Consumer<ScanResult> scanned) {
        return Optional.of(DemoControls.build(this, messages, scanned));
    }

    @Override
    public String describe() {
        return "demo portal " + portalDirectUrl();
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
