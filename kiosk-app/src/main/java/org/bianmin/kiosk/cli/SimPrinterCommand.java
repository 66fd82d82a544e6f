package org.bianmin.kiosk.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.bianmin.device.printer.virtual.VirtualPrinter;
import org.bianmin.device.transport.Transport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sim printer}: the virtual printer on the device end of a port, until Ctrl-C. */
@Command(name = "printer", mixinStandardHelpOptions = true,
        description = {"Run the virtual receipt printer on PORT (e.g. the device end of a socat pty pair):",
                "it answers DLE EOT, decodes ESC/POS and writes one PNG per cut receipt into --png-dir.",
                "Faults: PAPER_OUT_MID_JOB, COVER_OPEN, OFFLINE, SLOW, STALL, UNPLUG (closes the port)."})
final class SimPrinterCommand implements Callable<Integer> {

    @Mixin
    PrinterPortOptions printer;

    @Option(names = "--png-dir", required = true, paramLabel = "DIR")
    Path pngDir;

    @Option(names = "--fault", defaultValue = "NONE", paramLabel = "NAME",
            description = "Misbehaviour to simulate (default ${DEFAULT-VALUE}).")
    String fault;

    @Override
    public Integer call() throws Exception {
        VirtualPrinter.Fault f;
        try {
            f = VirtualPrinter.Fault.parse(fault);
        } catch (IllegalArgumentException e) {
            System.err.println("unknown fault " + fault);
            return 2;
        }
        Transport transport = printer.transport();
        VirtualPrinter.Config config = VirtualPrinter.Config.of(printer.paper()).withChineseMode(printer.chinese)
                .withFault(f).withPngDir(pngDir);
        CountDownLatch stopped = new CountDownLatch(1);
        try (VirtualPrinter virtual = new VirtualPrinter(transport, config)) {
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown));
            virtual.start();
            System.out.printf("virtual printer on %s (%d mm, %s, fault %s); receipts go to %s; Ctrl-C stops%n",
                    printer.port, printer.width, printer.chinese, f, pngDir);
            stopped.await();
        }
        return 0;
    }
}
