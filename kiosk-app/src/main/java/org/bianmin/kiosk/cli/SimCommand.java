package org.bianmin.kiosk.cli;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;

/**
 * {@code sim}: device simulators on a port (e.g. the device end of a socat pty pair), so a kiosk can be tested
 * without hardware. Each device adds its simulator as a subcommand here.
 */
@Command(name = "sim", mixinStandardHelpOptions = true,
        description = {"Run a device simulator on a serial port, e.g. one end of",
            "  socat -d -d pty,raw,echo=0,link=/tmp/kiosk/host pty,raw,echo=0,link=/tmp/kiosk/device",
            "and point the kiosk (or kioskctl) at the other end."},
        subcommands = {SimIdCardCommand.class, SimScannerCommand.class, SimPrinterCommand.class})
final class SimCommand {

    /** Blocks until Ctrl-C, or for {@code duration} when it is positive. */
    static void runUntilStopped(Duration duration) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(stopped::countDown);
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            if (duration.isPositive()) {
                stopped.await(duration.toMillis(), TimeUnit.MILLISECONDS);
            } else {
                stopped.await();
            }
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is exiting: the hook has run
            }
        }
    }
}
