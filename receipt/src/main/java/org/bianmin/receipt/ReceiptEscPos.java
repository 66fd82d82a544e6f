package org.bianmin.receipt;

import java.util.List;
import org.bianmin.device.printer.EscPos;
import org.bianmin.device.printer.EscPosWriter;
import org.bianmin.device.printer.PaperWidth;
import org.bianmin.device.printer.PrintJob;
import org.bianmin.device.printer.PrinterProfile;

/** Lays a receipt out on a 58 or 80 mm roll as one ESC/POS job, ending with a cut. */
public final class ReceiptEscPos {

    /** QR module size in dots: 6 dots (0.75 mm) scans well from thermal paper; 5 keeps it inside 58 mm. */
    static int qrModuleDots(PaperWidth paper) {
        return paper == PaperWidth.MM80 ? 6 : 5;
    }

    private ReceiptEscPos() {}

    /** The ESC/POS bytes of a receipt. */
    public static byte[] render(Receipt r, PrinterProfile profile) {
        return job(r, profile).data();
    }

    /** The receipt as a print job named by its receipt number, so the journal never prints it twice. */
    public static PrintJob job(Receipt r, PrinterProfile profile) {
        EscPosWriter w = new EscPosWriter(profile).init();
        w.align(EscPos.Align.CENTER).bold(true).size(2, 2).wrapped(r.title()).size(1, 1).bold(false);
        w.align(EscPos.Align.LEFT).rule('-');
        for (Receipt.Field f : r.fields()) {
            boolean emphasise = f.label().equals(r.script().text("办理状态"))
                    || f.label().equals(r.script().text("回执编号"));
            w.bold(emphasise).labelValue(f.label() + "：", f.value()).bold(false);
        }
        steps(w, r);
        if (!r.collectAt().isBlank()) {
            w.bold(true).line(r.script().text("领取地点：")).bold(false).wrapped(r.collectAt());
        }
        w.rule('-').align(EscPos.Align.CENTER)
                .qr(r.trackingPayload(), qrModuleDots(profile.paper()), EscPos.QrErrorLevel.M)
                .line(r.script().text("扫码查询办理进度")).align(EscPos.Align.LEFT).rule('-');
        for (Receipt.Field f : r.footer()) {
            w.wrapped(f.label() + "：" + f.value());
        }
        return w.feed(3).cut().toJob(r.receiptNumber());
    }

    private static void steps(EscPosWriter w, Receipt r) {
        List<String> steps = r.nextSteps();
        if (steps.isEmpty()) {
            return;
        }
        w.bold(true).line(r.script().text("后续步骤：")).bold(false);
        for (int i = 0; i < steps.size(); i++) {
            w.wrapped((i + 1) + ". " + steps.get(i));
        }
    }
}
