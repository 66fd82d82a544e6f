package org.bianmin.kiosk.demo;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.bianmin.device.idcard.CardFiles;
import org.bianmin.device.idcard.IdCardFault;
import org.bianmin.device.idcard.IdCardReader;
import org.bianmin.device.idcard.IdCardSimulator;
import org.bianmin.device.idcard.IdentityCard;
import org.bianmin.device.printer.EscPosPrinter;
import org.bianmin.device.printer.PaperWidth;
import org.bianmin.device.printer.PrintJournal;
import org.bianmin.device.printer.PrinterProfile;
import org.bianmin.device.printer.virtual.VirtualPrinter;
import org.bianmin.device.sim.SimulatedPort;
import org.bianmin.device.status.DeviceStatusTracker;
import org.bianmin.device.transport.MemoryLink;
import org.bianmin.device.transport.TransportException;
import org.bianmin.kiosk.devices.KioskDevices;

/**
 * The demo's hardware: an ID-card reader simulator and a virtual receipt printer on the far ends of in-memory
 * links, speaking the real protocols, with the real drivers on the near ends. Printed rolls land as PNGs in
 * {@code virtual-printer/} of the data directory.
 */
public final class SimulatedDevices implements AutoCloseable {

    private final MemoryLink cardLink = new MemoryLink("sim-idcard");
    private final MemoryLink printerLink = new MemoryLink("sim-printer");
    private final IdCardSimulator cardSimulator;
    private final VirtualPrinter virtualPrinter;
    private final KioskDevices devices;

    public SimulatedDevices(Path dataDirectory, Clock clock) throws IOException, TransportException {
        cardSimulator = new IdCardSimulator(new SimulatedPort(cardLink.deviceEnd(), Optional.of(cardLink),
                Optional.empty()), new Random()).start();
        virtualPrinter = new VirtualPrinter(printerLink.deviceEnd(), VirtualPrinter.Config.of(PaperWidth.MM80)
                .withPngDir(dataDirectory.resolve("virtual-printer")));
        virtualPrinter.start();
        cardLink.hostEnd().open();
        printerLink.hostEnd().open();
        DeviceStatusTracker readerStatus = new DeviceStatusTracker("idcard", clock);
        DeviceStatusTracker printerStatus = new DeviceStatusTracker("printer", clock);
        IdCardReader reader = new IdCardReader(cardLink.hostEnd(), readerStatus, IdCardReader.Options.defaults());
        EscPosPrinter printer = new EscPosPrinter(printerLink.hostEnd(), PrinterProfile.standard(PaperWidth.MM80),
                PrintJournal.open(dataDirectory.resolve("print-journal.log"), clock), printerStatus);
        devices = new KioskDevices(reader, Optional.of(printer), List.of(readerStatus, printerStatus));
    }

    public KioskDevices devices() {
        return devices;
    }

    /** Lays a card on the simulated reader (the demo offers the bundled {@link CardFiles#SAMPLES}). */
    public void placeCard(IdentityCard card) {
        cardSimulator.placeCard(card);
    }

    /** Makes the simulated reader misbehave the way real ones do (card pulled mid-read, SAM failure…). */
    public void cardFault(IdCardFault fault) {
        cardSimulator.fault(fault);
    }

    public void removeCard() {
        cardSimulator.removeCard();
    }

    public VirtualPrinter virtualPrinter() {
        return virtualPrinter;
    }

    @Override
    public void close() {
        devices.reader().cancel();
        cardSimulator.close();
        virtualPrinter.close();
        cardLink.hostEnd().close();
        printerLink.hostEnd().close();
    }
}
