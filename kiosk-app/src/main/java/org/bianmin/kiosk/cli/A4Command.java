package org.bianmin.kiosk.cli;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.bianmin.device.a4.A4Job;
import org.bianmin.device.a4.A4Outcome;
import org.bianmin.device.a4.A4Status;
import org.bianmin.device.a4.A4TestPage;
import org.bianmin.device.a4.IppException;
import org.bianmin.device.a4.IppPrinter;
import org.bianmin.device.printer.PrintJournal;
import org.bianmin.device.status.DeviceStatusTracker;
import org.bianmin.kiosk.app.Version;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "a4", description = "Inspect the A4 printer (IPP / IPP Everywhere).", mixinStandardHelpOptions = true,
        subcommands = {A4Command.Status.class, A4Command.TestPage.class})
final class A4Command {

    /** The printer to talk to. */
    static final class Target {
        @Option(names = "--printer", required = true, paramLabel = "URI",
                description = "The printer's IPP URI, e.g. ipp://192.168.1.20/ipp/print or ipp://localhost:631/printers/A4")
        URI printer;

        @Option(names = "--timeout", defaultValue = "20", paramLabel = "SECONDS",
                description = "Bound on each IPP call (default ${DEFAULT-VALUE}); the test page is followed 6 times as long.")
        int timeoutSeconds;

        IppPrinter open() {
            Duration call = Duration.ofSeconds(Math.max(1, timeoutSeconds));
            IppPrinter.Timing timing = new IppPrinter.Timing(Duration.ofSeconds(Math.min(5, call.toSeconds())), call,
                    Duration.ofMillis(500), call.multipliedBy(6));
            return new IppPrinter(printer, timing, PrintJournal.inMemory(Clock.systemUTC()),
                    new DeviceStatusTracker("a4", Clock.systemUTC()), Clock.systemUTC());
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = {"Ask the printer for its state and reasons (Get-Printer-Attributes).",
                    "Exit code 0 ready, 1 not ready (paper out, door open, jam…), 2 no valid answer."})
    static final class Status implements Callable<Integer> {

        @CommandLine.Mixin
        Target target;

        @Option(names = "--json", description = "Print the status as one JSON object.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("printer", target.printer.toString());
            int code;
            try (IppPrinter p = target.open()) {
                A4Status s = p.status();
                out.put("ready", s.refusal().isEmpty());
                s.refusal().ifPresent(r -> out.put("reason", r.name()));
                out.put("state", s.state().name());
                out.put("reasons", new TreeSet<>(s.reasons()));
                out.put("paper", s.paper().name());
                out.put("toner", s.toner().name());
                out.put("pdf", s.accepts(A4Status.PDF));
                out.put("formats", s.formats());
                out.put("message", s.message());
                code = s.refusal().isEmpty() && s.accepts(A4Status.PDF) ? 0 : 1;
            } catch (IppException | IllegalArgumentException e) {
                out.put("ready", false);
                out.put("reason", e instanceof IppException ie ? ie.kind().name() : "BAD_URI");
                out.put("detail", e.getMessage());
                code = 2;
            }
            StatusOutput.print(out, json);
            return code;
        }
    }

    @Command(name = "test", mixinStandardHelpOptions = true,
            description = {"Print one A4 test page (PDF) and follow the job until the printer reports it completed.",
                    "Exit code 0 printed, 1 not printed or not yet finished, 2 printer unreachable."})
    static final class TestPage implements Callable<Integer> {

        @CommandLine.Mixin
        Target target;

        @Override
        public Integer call() throws Exception {
            String id = "A4TEST-" + System.currentTimeMillis();
            byte[] pdf = A4TestPage.pdf(List.of("Bianmin Kiosk A4 test page", "kioskctl " + Version.current(),
                    "printer " + target.printer, "job " + id, Clock.systemUTC().instant().toString()));
            try (IppPrinter p = target.open()) {
                return report(p.print(A4Job.pdf(id, pdf)));
            } catch (IllegalArgumentException e) {
                System.err.println(e.getMessage());
                return 2;
            }
        }
    }

    /** Prints a job's outcome for a technician; returns the exit code (0 printed, 1 not, 2 unreachable). */
    static int report(A4Outcome o) {
        switch (o) {
            case A4Outcome.Printed p -> {
                System.out.println("printed " + p.jobId() + " (printer job " + p.ippJobId() + ", "
                        + (p.sheets() < 0 ? "sheets not reported" : p.sheets() + " sheet(s)") + ")");
                return 0;
            }
            case A4Outcome.Unreachable u -> {
                System.err.println("printer unreachable: " + u.reason());
                return 2;
            }
            case A4Outcome.Refused r -> System.err.println("printer refused the job: " + r.reason());
            case A4Outcome.UnsupportedFormat u -> System.err.println("printer takes no PDF, only " + u.accepted()
                    + " (PWG raster is not rendered by the kiosk)");
            case A4Outcome.Pending p -> System.err.println("printer job " + p.ippJobId() + " not finished: "
                    + p.detail() + " " + new TreeSet<>(p.reasons()) + "; it prints when the fault is cleared");
            case A4Outcome.Failed f -> System.err.println("printer job " + f.ippJobId() + " " + f.jobState() + " "
                    + new TreeSet<>(f.reasons()));
            case A4Outcome.Lost l -> System.err.println("printer lost job " + l.ippJobId());
            case A4Outcome.Unconfirmed u -> System.err.println("no answer to Print-Job: " + u.detail());
            case A4Outcome.AlreadyPrinted a -> System.err.println(a.jobId() + " was already printed");
            case A4Outcome.PreviouslyIncomplete p -> System.err.println(p.jobId() + " ended incomplete before");
        }
        return 1;
    }
}
