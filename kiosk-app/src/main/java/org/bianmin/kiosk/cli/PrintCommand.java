package org.bianmin.kiosk.cli;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import org.bianmin.device.printer.EscPos;
import org.bianmin.device.printer.EscPosPrinter;
import org.bianmin.device.printer.EscPosWriter;
import org.bianmin.device.printer.PrintJob;
import org.bianmin.device.printer.PrintJournal;
import org.bianmin.device.printer.PrintOutcome;
import org.bianmin.device.printer.PrinterProfile;
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
            PrintJob job = testPage(profile, stamp).toJob("test-" + stamp);
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

        static EscPosWriter testPage(PrinterProfile profile, String stamp) {
            EscPosWriter w = new EscPosWriter(profile).init();
            w.align(EscPos.Align.CENTER).bold(true).size(2, 2).wrapped("打印测试页").size(1, 1).bold(false)
                    .line("便民自助终端 Bianmin Kiosk").align(EscPos.Align.LEFT).rule('=');
            w.labelValue("纸宽", profile.paper().millimetres() + " mm / " + profile.paper().columns + " 列")
                    .labelValue("中文模式", profile.chineseMode().name())
                    .labelValue("二维码", profile.nativeQr() ? "GS ( k 原生" : "GS v 0 光栅")
                    .labelValue("时间", stamp);
            w.rule('-').bold(true).line("粗体 BOLD").bold(false).size(1, 2).line("倍高 TALL").size(2, 1)
                    .line("倍宽 WIDE").size(1, 1);
            w.align(EscPos.Align.RIGHT).line("右对齐 →").align(EscPos.Align.LEFT)
                    .wrapped("自动换行：中文字符占两列，长句在纸边换行，绝不把一个汉字拆成两半。");
            w.rule('-').align(EscPos.Align.CENTER).qr("BIANMIN-TEST-" + stamp, 6, EscPos.QrErrorLevel.M)
                    .line("扫码应得 BIANMIN-TEST-" + stamp);
            return w.feed(3).cut();
        }
    }
}
