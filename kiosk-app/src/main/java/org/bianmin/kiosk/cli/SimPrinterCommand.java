package org.bianmin.kiosk.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.bianmin.device.printer.virtual.VirtualPrinter;
import org.bianmin.device.transport.Transport;
import org.bianmin.device.transport.TransportException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sim printer}: the virtual receipt printer on the device end of a port, until Ctrl-C. */
@Command(name = "printer", mixinStandardHelpOptions = true,
        description = {"Run the virtual receipt printer on PORT (e.g. the device end of a socat pty pair):",
                "it answers DLE EOT, decodes ESC/POS and writes one PNG per cut receipt into --png-dir.",
                "Faults: PAPER_OUT_MID_JOB, COVER_OPEN, OFFLINE, SLOW, STALL, UNPLUG (closes the port)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:stopped", "1:unknown fault", "4:port error"})
final class SimPrinterCommand implements Callable<Integer> {

    @Mixin
    PrinterPortOptions printer;

    @Option(names = "--png-dir", required = true, paramLabel = "DIR")
    Path pngDir;

    @Option(names = "--fault", defaultValue = "NONE", paramLabel = "NAME",
            description = "Misbehaviour to simulate (default ${DEFAULT-VALUE}).")
    String fault;

    @Option(names = "--duration", defaultValue = "0", paramLabel = "S",
            description = "Stop after S seconds (default: run until Ctrl-C).")
    double duration;

    @Override
    public Integer call() throws Exception {
        VirtualPrinter.Fault f;
        try {
            f = VirtualPrinter.Fault.parse(fault);
        } catch (IllegalArgumentException e) {
            System.err.println("unknown fault " + fault);
            return 1;
        }
        Transport transport;
        try {
            transport = printer.transport();
        } catch (TransportException e) {
            System.err.println(e.getMessage());
            return 4;
        }
        VirtualPrinter.Config config = VirtualPrinter.Config.of(printer.paper).withChineseMode(printer.chinese)
                .withFault(f).withPngDir(pngDir);
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(stopped::countDown);
        try (VirtualPrinter virtual = new VirtualPrinter(transport, config)) {
            Runtime.getRuntime().addShutdownHook(hook);
            virtual.start();
            System.out.printf("virtual printer on %s (%d mm, %s, fault %s); receipts go to %s; Ctrl-C stops%n",
                    printer.port, printer.paper.millimetres(), printer.chinese, f, pngDir);
            if (duration > 0) {
                stopped.await((long) (duration * 1000), TimeUnit.MILLISECONDS);
            } else {
                stopped.await();
            }
            virtual.awaitPngs(java.time.Duration.ofSeconds(5));
            System.out.println("printed " + virtual.pngs().size() + " receipt(s): " + virtual.pngs());
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is exiting: the hook has run
            }
        }
        return 0;
    }
}
