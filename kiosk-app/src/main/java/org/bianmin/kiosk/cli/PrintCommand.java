package org.bianmin.kiosk.cli;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import org.bianmin.device.printer.EscPosPrinter;
import org.bianmin.device.printer.PrintJob;
import org.bianmin.device.printer.PrintJournal;
import org.bianmin.device.printer.PrintOutcome;
import org.bianmin.device.printer.PrinterProfile;
import org.bianmin.device.printer.TestPage;
import org.bianmin.device.status.DeviceStatusTracker;
import org.bianmin.device.transport.Transport;
import org.bianmin.device.transport.TransportException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "print", description = "Print to the receipt printer.", mixinStandardHelpOptions = true,
        subcommands = PrintCommand.Test.class)
final class PrintCommand {

    @Command(name = "test", mixinStandardHelpOptions = true,
            description = {"Print a test page: Chinese text, bold, double size, alignment, a rule and a QR code.",
                    "Exit code 0 printed, 1 refused or incomplete (the reason is shown), 2 printer unreachable."})
    static final class Test implements Callable<Integer> {

        @Mixin
        PrinterPortOptions printer;

        @Override
        public Integer call() throws Exception {
            Clock clock = Clock.systemDefaultZone();
            PrinterProfile profile = printer.profile();
            String stamp = LocalDateTime.now(clock).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
            PrintJob job = TestPage.job(profile, stamp);
            Transport transport;
            try {
                transport = printer.transport();
            } catch (TransportException e) {
                System.err.println("printer unreachable: " + e.getMessage());
                return 2;
            }
            try (transport; PrintJournal journal = PrintJournal.inMemory(clock)) {
                PrintOutcome o = new EscPosPrinter(transport, profile, journal,
                        new DeviceStatusTracker("printer", clock)).print(job);
                return PrinterCommand.report(o);
            }
        }
    }
}
