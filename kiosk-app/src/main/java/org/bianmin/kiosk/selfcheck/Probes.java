package org.bianmin.kiosk.selfcheck;

import java.util.List;
import java.util.Optional;
import org.bianmin.device.font.FontResolution;
import org.bianmin.device.font.SystemFonts;
import org.bianmin.device.transport.PortAddress;
import org.bianmin.device.transport.SerialPorts;
import org.bianmin.device.transport.TransportException;

/** What the self-check asks of the machine beyond files; tests replace the parts they break. */
public interface Probes {

    /** The JavaFX runtime version, if JavaFX can be loaded at all. */
    Optional<String> javafx();

    /** Loads jSerialComm's native library (extracting it unless {@value #SERIAL_LIBRARY_PATH} is set). */
    SerialLibrary serialLibrary();

    /** The kiosk's font resolution (the one the UI, the receipts and the virtual printer use). */
    FontResolution fonts();

    /** Resolves a {@code usb:VVVV:PPPP[:SERIAL]} port name to the device path it has now. */
    String resolveUsb(PortAddress.Usb usb) throws TransportException;

    /** jSerialComm's own property: a directory holding its native library, loaded from there instead of /tmp. */
    String SERIAL_LIBRARY_PATH = "jSerialComm.library.path";

    sealed interface SerialLibrary {
        record Loaded(List<String> ports) implements SerialLibrary {}

        record Failed(String error) implements SerialLibrary {}
    }

    /** The real machine. */
    static Probes system() {
        return new Probes() {
            @Override
            public Optional<String> javafx() {
                try {
                    Module fx = Class.forName("javafx.application.Platform").getModule();
                    if (fx.getDescriptor() != null && fx.getDescriptor().rawVersion().isPresent()) {
                        return fx.getDescriptor().rawVersion();
                    }
                    // On the class path there is no module version; JavaFX's own version class answers.
                    return Optional.of(String.valueOf(Class.forName("com.sun.javafx.runtime.VersionInfo")
                            .getMethod("getRuntimeVersion").invoke(null)));
                } catch (ReflectiveOperationException | LinkageError e) {
                    return Optional.empty();
                }
            }

            @Override
            public SerialLibrary serialLibrary() {
                try {
                    List<String> ports = SerialPorts.list().stream().map(SerialPorts.PortInfo::path).toList();
                    return new SerialLibrary.Loaded(ports);
                } catch (TransportException | LinkageError e) {
                    return new SerialLibrary.Failed(e.getMessage());
                }
            }

            @Override
            public FontResolution fonts() {
                try {
                    return SystemFonts.resolution();
                } catch (LinkageError e) {
                    return new FontResolution.Unusable("fonts cannot be loaded (" + e + ")");
                }
            }

            @Override
            public String resolveUsb(PortAddress.Usb usb) throws TransportException {
                return SerialPorts.resolve(usb);
            }
        };
    }
}
