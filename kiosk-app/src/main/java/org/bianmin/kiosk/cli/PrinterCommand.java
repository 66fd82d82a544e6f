package org.bianmin.kiosk.cli;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.bianmin.device.printer.EscPosPrinter;
import org.bianmin.device.printer.PrintJournal;
import org.bianmin.device.printer.PrintOutcome;
import org.bianmin.device.printer.PrinterStatus;
import org.bianmin.device.printer.StatusReplyException;
import org.bianmin.device.status.DeviceStatusTracker;
import org.bianmin.device.transport.Transport;
import org.bianmin.device.transport.TransportException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "printer", description = "Inspect the receipt printer.", mixinStandardHelpOptions = true,
        subcommands = PrinterCommand.Status.class)
final class PrinterCommand {

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = {"Ask the printer for its real-time status (DLE EOT 1, 2, 4).",
                    "Exit code 0 ready, 1 not ready (cover open, paper out…), 2 no valid reply."})
    static final class Status implements Callable<Integer> {

        @Mixin
        PrinterPortOptions printer;

        @Option(names = "--json", description = "Print the status as one JSON object.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("port", printer.port);
            int code;
            try (Transport transport = printer.transport();
                    PrintJournal journal = PrintJournal.inMemory(Clock.systemUTC())) {
                PrinterStatus s = new EscPosPrinter(transport, printer.profile(), journal,
                        new DeviceStatusTracker("printer", Clock.systemUTC())).status();
                out.put("ready", s.refusal().isEmpty());
                s.refusal().ifPresent(r -> out.put("reason", r.name()));
                out.put("online", s.online());
                out.put("coverOpen", s.coverOpen());
                out.put("paper", s.paperOut() ? "OUT" : s.paperNearEnd() ? "LOW" : "FULL");
                out.put("error", s.error());
                out.put("feedButton", s.feedButton());
                code = s.refusal().isEmpty() ? 0 : 1;
            } catch (StatusReplyException e) {
                out.put("ready", false);
                out.put("reason", e.kind().name());
                out.put("detail", e.getMessage());
                code = 2;
            } catch (TransportException e) {
                out.put("ready", false);
                out.put("reason", e.kind().name());
                out.put("detail", e.getMessage());
                code = 2;
            }
            StatusOutput.print(out, json);
            return code;
        }
    }

    /** Prints a job's outcome for a technician; returns the exit code (0 printed, 1 not, 2 unreachable). */
    static int report(PrintOutcome o) {
        switch (o) {
            case PrintOutcome.Printed p -> {
                System.out.println("printed " + p.jobId());
                return 0;
            }
            case PrintOutcome.Refused r -> System.err.println("printer refused the job: " + r.reason());
            case PrintOutcome.Incomplete i -> System.err.println("job incomplete: " + i.failure() + " after "
                    + i.bytesSent() + " bytes (" + i.detail() + ")");
            case PrintOutcome.Unreachable u -> {
                System.err.println("printer unreachable: " + u.reason());
                return 2;
            }
            case PrintOutcome.AlreadyPrinted a -> System.err.println(a.jobId() + " was already printed");
            case PrintOutcome.PreviouslyIncomplete p -> System.err.println(p.jobId()
                    + " ended incomplete before; reprint it deliberately");
        }
        return 1;
    }
}
