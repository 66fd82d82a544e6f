package org.bianmin.kiosk.demo;

import java.util.Optional;
import org.bianmin.device.idcard.CardFiles;
import org.bianmin.device.idcard.IdCardFault;
import org.bianmin.device.idcard.IdCardSimulator;
import org.bianmin.device.idcard.IdentityCard;
import org.bianmin.device.printer.virtual.VirtualPrinter;
import org.bianmin.device.supervisor.ManagedDevice;
import org.bianmin.kiosk.devices.ConfiguredDevices;
import org.bianmin.kiosk.devices.KioskDevices;

/**
 * The demo's hardware: the configured devices on {@code sim:} ports (the defaults), i.e. an ID-card reader
 * simulator and a virtual receipt printer on the far ends of in-memory links, speaking the real protocols to the
 * real drivers. Printed rolls land as PNGs in {@code virtual-printer/} of the data directory. Looked up on every
 * use: the technician console may move a device off its simulator.
 */
public final class SimulatedDevices {

    private final ConfiguredDevices configured;

    public SimulatedDevices(ConfiguredDevices configured) {
        this.configured = configured;
        // The demo's hands start empty: the card is laid on the reader with the demo controls.
        reader().ifPresent(IdCardSimulator::removeCard);
    }

    public KioskDevices devices() {
        return configured.forJourney().orElseThrow(() -> new IllegalStateException("no ID-card reader configured"));
    }

    /** Lays a card on the simulated reader (the demo offers the bundled {@link CardFiles#SAMPLES}). */
    public void placeCard(IdentityCard card) {
        reader().ifPresent(sim -> sim.placeCard(card));
    }

    /** Makes the simulated reader misbehave the way real ones do (card pulled mid-read, SAM failure…). */
    public void cardFault(IdCardFault fault) {
        reader().ifPresent(sim -> sim.fault(fault));
    }

    public void removeCard() {
        reader().ifPresent(IdCardSimulator::removeCard);
    }

    public VirtualPrinter virtualPrinter() {
        return configured.devices().stream().filter(d -> d instanceof ManagedDevice.Printer)
                .flatMap(d -> ((ManagedDevice.Printer) d).simulator().stream()).findFirst()
                .orElseThrow(() -> new IllegalStateException("no printer on a sim: port"));
    }

    private Optional<IdCardSimulator> reader() {
        return configured.devices().stream().filter(d -> d instanceof ManagedDevice.IdCard)
                .flatMap(d -> ((ManagedDevice.IdCard) d).simulator().stream()).findFirst();
    }
}
