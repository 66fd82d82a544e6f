package org.bianmin.kiosk.app;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.scene.Node;
import org.bianmin.device.scanner.ScanResult;
import org.bianmin.kiosk.config.DataDirectory;
import org.bianmin.kiosk.config.KioskConfig;
import org.bianmin.kiosk.devices.ConfiguredDevices;
import org.bianmin.kiosk.i18n.Messages;
import org.bianmin.protocol.catalogue.Catalogue;
import org.bianmin.protocol.signing.KeyFile;

/**
 * What a launcher adds to the kiosk it assembles. The production kiosk adds nothing ({@link #NONE}); the
 * {@code kiosk-demo} module's launcher adds its embedded portal, simulated devices and demo bar through this seam,
 * so kiosk-app itself knows no portal. Every method has the production answer as its default.
 */
public interface KioskAddOn extends AutoCloseable {

    /** Starts an add-on once storage and devices are open, before the kiosk's services are built. */
    @FunctionalInterface
    interface Factory {
        KioskAddOn start(Catalogue catalogue, ConfiguredDevices devices, DataDirectory data) throws IOException;
    }

    /** The production kiosk: nothing added. */
    Factory NONE = (catalogue, devices, data) -> new KioskAddOn() {};

    /** The config the kiosk runs with (the demo points it at its own portal). */
    default KioskConfig configure(KioskConfig config) {
        return config;
    }

    /** Keys a catalogue file may be signed with besides those in config.json. */
    default List<KeyFile> importKeys() {
        return List.of();
    }

    /** True when scans reach the kiosk besides its configured scanners (the demo bar's e-ID button). */
    default boolean scans() {
        return false;
    }

    /** Controls shown with the screens (the demo bar), built on the FX thread; {@code scanned} takes a scan. */
    default Optional<Node> controls(Messages messages, Consumer<ScanResult> scanned) {
        return Optional.empty();
    }

    /** What the start-up log line says about it (empty for none). */
    default String describe() {
        return "";
    }

    @Override
    default void close() {}
}
