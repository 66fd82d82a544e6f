package org.bianmin.device.supervisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bianmin.device.config.DeviceConfig;
import org.bianmin.device.printer.EscPosWriter;
import org.bianmin.device.printer.PaperWidth;
import org.bianmin.device.printer.PrintOutcome;
import org.bianmin.device.printer.PrinterStatus;
import org.bianmin.device.status.DeviceState;
import org.bianmin.device.status.DeviceStatus;
import org.bianmin.device.status.SupplyLevel;
import org.bianmin.device.transport.TrafficTap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A receipt printer declared in config: opened, supervised, printing, tapped, and edited while it runs. */
class ConfiguredPrinterTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    @Test
    void aSimulatedPrinterFromConfigPrintsJournalsAndReportsPaper() throws Exception {
        Devices.Workspace workspace = new Devices.Workspace(Clock.systemUTC(), Optional.of(dir));
        DeviceConfig config = new DeviceConfig("printer", "printer", "sim:", null, Map.of("paperWidth", "58"));
        ManagedDevice.Printer device = (ManagedDevice.Printer) Devices.open(config, workspace);
        try {
            assertThat(StatusWait.reaches(device.status(), DeviceState.ONLINE, WAIT)).isTrue();
            assertThat(device.printer().profile().paper()).isEqualTo(PaperWidth.MM58);
            List<TrafficTap.Direction> seen = new ArrayList<>();
            device.traffic().addListener((direction, bytes) -> {
                synchronized (seen) {
                    seen.add(direction);
                }
            });
            assertThat(device.printer().print(new EscPosWriter(device.printer().profile()).init().line("打印测试")
                    .cut().toJob("T-1"))).isInstanceOf(PrintOutcome.Printed.class);
            assertThat(device.simulator().orElseThrow().transcript().text()).contains("打印测试");
            assertThat(Files.readString(dir.resolve("print-journal-printer.log"))).contains("T-1\tPRINTED");
            synchronized (seen) {
                assertThat(seen).contains(TrafficTap.Direction.TO_DEVICE, TrafficTap.Direction.FROM_DEVICE);
            }

            device.simulator().orElseThrow().setStatus(PrinterStatus.READY.withPaperOut(true));
            device.printer().status();
            assertThat(device.status().current().state()).isEqualTo(DeviceState.USER_ERROR);
            assertThat(device.status().current().supplies()).containsEntry("paper", SupplyLevel.OUT);

            ManagedDevice.Printer wider = (ManagedDevice.Printer) Devices.reconfigure(device,
                    new DeviceConfig("printer", "printer", "sim:", null, Map.of("paperWidth", "80")), workspace);
            assertThat(wider.printer()).isSameAs(device.printer());
            assertThat(wider.printer().profile().paper()).isEqualTo(PaperWidth.MM80);
            assertThat(wider.simulator()).isPresent().get().isNotSameAs(device.simulator().orElseThrow());
            // The new virtual printer has paper: the supervisor's reconnect finds the printer ready again.
            assertThat(StatusWait.reaches(wider.status(), DeviceState.ONLINE, WAIT)).isTrue();
            device = wider;
        } finally {
            device.close();
        }
    }

    @Test
    void aScannerBecomingAWedgeScannerIsReplacedKeepingItsStatusHistory() throws Exception {
        Devices.Workspace workspace = Devices.Workspace.inMemory(Clock.systemUTC());
        ManagedDevice serial = Devices.open(new DeviceConfig("scanner", "scanner", "sim:", null, Map.of()),
                workspace);
        assertThat(StatusWait.reaches(serial.status(), DeviceState.ONLINE, WAIT)).isTrue();
        ManagedDevice wedge = Devices.reconfigure(serial,
                new DeviceConfig("scanner", "scanner-wedge", null, null, Map.of("minLength", "6")), workspace);
        try {
            assertThat(wedge).isInstanceOfSatisfying(ManagedDevice.WedgeScanner.class,
                    w -> assertThat(w.options().minLength()).isEqualTo(6));
            assertThat(wedge.status()).isSameAs(serial.status());
            assertThat(wedge.status().history()).extracting(DeviceStatus::detail)
                    .contains("driver changed to scanner-wedge", "keyboard wedge");
            assertThat(((ManagedDevice.Scanner) serial).supervisor().awaitConnected(Duration.ZERO)).isFalse();
        } finally {
            wedge.close();
        }
    }

    @Test
    void aDeviceCannotChangeItsKindOrName() throws Exception {
        Devices.Workspace workspace = Devices.Workspace.inMemory(Clock.systemUTC());
        try (ManagedDevice printer = Devices.open(new DeviceConfig("printer", "printer", "sim:", null, Map.of()),
                workspace)) {
            assertThatThrownBy(() -> Devices.reconfigure(printer,
                    new DeviceConfig("printer", "idcard", "sim:", null, Map.of()), workspace))
                    .isInstanceOf(Devices.DeviceSetupException.class)
                    .hasMessage("devices[printer].driver: idcard is not a PRINTER driver");
            assertThatThrownBy(() -> Devices.reconfigure(printer,
                    new DeviceConfig("printer2", "printer", "sim:", null, Map.of()), workspace))
                    .hasMessage("devices[printer].name: cannot change to printer2");
        }
    }
}
