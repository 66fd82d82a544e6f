package org.bianmin.device.printer;

/**
 * The printer test page a technician prints from {@code kioskctl print test} or the technician console: Chinese
 * text, bold, double size, alignment, rules and a QR code whose payload is printed under it, so one look (and one
 * scan) shows that the paper width, Chinese mode and QR mode in the config fit the printer.
 */
public final class TestPage {

    private TestPage() {}

    /** The QR payload of a test page stamped {@code stamp}: a scanner self-test can read it back. */
    public static String qrPayload(String stamp) {
        return "BIANMIN-TEST-" + stamp;
    }

    public static PrintJob job(PrinterProfile profile, String stamp) {
        return writer(profile, stamp).toJob("test-" + stamp);
    }

    static EscPosWriter writer(PrinterProfile profile, String stamp) {
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
        w.rule('-').align(EscPos.Align.CENTER).qr(qrPayload(stamp), 6, EscPos.QrErrorLevel.M)
                .line("扫码应得 " + qrPayload(stamp));
        return w.feed(3).cut();
    }
}
