package org.bianmin.kiosk.cli;

import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Callable;
import org.bianmin.device.idcard.CardFiles;
import org.bianmin.device.idcard.IdCardFault;
import org.bianmin.device.idcard.IdCardSimulator;
import org.bianmin.device.sim.SimulatedPort;
import org.bianmin.device.transport.SerialSettings;
import org.bianmin.device.transport.TransportException;
import org.bianmin.device.transport.Transports;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sim idcard}: the ID-card reader simulator on a port. */
@Command(name = "idcard", mixinStandardHelpOptions = true,
        description = {"Simulate an ID-card reader on PORT with CARD on it, speaking the real protocol.",
            "Faults: no-card, card-removed-mid-read, unreadable-card, bad-checksum, split-frame, wrong-length,",
            "sam-failure, unknown-card-type, silence, garbage, unplug (closes the port for a second: the host sees",
            "silence)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:stopped", "1:bad card file or fault name", "4:port error"})
final class SimIdCardCommand implements Callable<Integer> {

    @Option(names = "--port", required = true, paramLabel = "PATH", description = "The device end of the link.")
    String port;

    @Option(names = "--baud", defaultValue = "115200", paramLabel = "N",
            description = "Line speed, also used to pace replies like real hardware (default ${DEFAULT-VALUE}).")
    int baud;

    @Option(names = "--card", required = true, paramLabel = "FILE",
            description = "Card JSON file, or a shipped sample: " + "resident.json, resident-long-term.json, "
                    + "foreign-permanent.json, hmt-residence.json.")
    String card;

    @Option(names = "--halt-after-read",
            description = "Like readers that do not find a card again until it has left the field.")
    boolean haltAfterRead;

    @Mixin
    SimOptions sim;

    @Override
    public Integer call() throws Exception {
        Optional<IdCardFault> f = IdCardFault.ofCliName(sim.fault);
        if (f.isEmpty()) {
            System.err.println("unknown fault " + sim.fault);
            return 1;
        }
        IdCardSimulator simulator;
        SerialSettings line = SerialSettings.of8N1(baud);
        try {
            simulator = new IdCardSimulator(new SimulatedPort(Transports.forPort(port, line), Optional.empty(),
                    Optional.of(line)), new Random());
            simulator.placeCard(CardFiles.sampleOrFile(card));
        } catch (CardFiles.CardFileException e) {
            System.err.println(e.getMessage());
            return 1;
        } catch (TransportException e) {
            System.err.println("port error: " + e.getMessage());
            return 4;
        }
        try (IdCardSimulator running = simulator) {
            running.fault(f.get());
            running.haltAfterRead(haltAfterRead);
            running.start();
            System.out.printf("ID-card reader simulator on %s at %d baud, fault %s; Ctrl-C stops%n", port, baud,
                    f.get().cliName());
            SimCommand.runUntilStopped(sim.duration());
        }
        return 0;
    }
}
