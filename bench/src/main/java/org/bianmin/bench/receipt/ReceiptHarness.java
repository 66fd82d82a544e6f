package org.bianmin.bench.receipt;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bianmin.bench.Harness;
import org.bianmin.device.font.SystemFonts;
import org.bianmin.device.printer.EscPosPrinter;
import org.bianmin.device.printer.PaperWidth;
import org.bianmin.device.printer.PrintJob;
import org.bianmin.device.printer.PrintJournal;
import org.bianmin.device.printer.PrintOutcome;
import org.bianmin.device.printer.PrinterProfile;
import org.bianmin.device.printer.virtual.VirtualPrinter;
import org.bianmin.device.status.DeviceStatusTracker;
import org.bianmin.device.transport.MemoryLink;
import org.bianmin.device.transport.SerialSettings;
import org.bianmin.device.transport.ForwardingTransport;
import org.bianmin.device.transport.Transport;
import org.bianmin.device.transport.TransportException;
import org.bianmin.receipt.Receipt;
import org.bianmin.receipt.ReceiptEscPos;
import org.bianmin.receipt.ReceiptPdf;

/**
 * {@code ./kiosk bench receipt}: what one sample receipt costs on the wire (native {@code GS ( k} QR vs
 * {@code GS v 0} raster, including the driver's status queries, measured by counting the bytes the driver really
 * sends to the virtual printer) and the serial time that means at 9600 and 115200 baud (8N1); and how long a warm
 * PDF render takes and how big the file is.
 */
public final class ReceiptHarness implements Harness {

    private static final int PDF_WARMUP = 30;
    private static final int PDF_RUNS = 50;

    @Override
    public String name() {
        return "receipt";
    }

    @Override
    public List<Figure> run() throws Exception {
        List<Figure> figures = new ArrayList<>();
        Receipt receipt = Receipt.sample(Clock.systemDefaultZone());
        for (PaperWidth paper : PaperWidth.values()) {
            for (boolean nativeQr : new boolean[] {true, false}) {
                wire(figures, receipt, PrinterProfile.standard(paper).withNativeQr(nativeQr));
            }
        }
        ReceiptPdf pdf = ReceiptPdf.of(SystemFonts.resolution());
        for (ReceiptPdf.PageFormat format : ReceiptPdf.PageFormat.values()) {
            pdf(figures, pdf, receipt, format);
        }
        return figures;
    }

    private static void wire(List<Figure> figures, Receipt receipt, PrinterProfile profile) throws Exception {
        String label = "receipt " + profile.paper().millimetres() + "mm " + (profile.nativeQr() ? "native-QR" : "raster-QR");
        PrintJob job = ReceiptEscPos.job(receipt, profile);
        MemoryLink link = new MemoryLink("bench");
        CountingTransport host = new CountingTransport(link.hostEnd());
        try (VirtualPrinter virtual = new VirtualPrinter(link.deviceEnd(), VirtualPrinter.Config.of(profile.paper()));
                PrintJournal journal = PrintJournal.inMemory(Clock.systemUTC())) {
            virtual.start();
            PrintOutcome o = new EscPosPrinter(host, profile, journal,
                    new DeviceStatusTracker("printer", Clock.systemUTC())).print(job);
            if (!(o instanceof PrintOutcome.Printed)) {
                throw new IllegalStateException(label + ": " + o);
            }
        }
        figures.add(new Figure(label + " job bytes", job.data().length, "bytes", "ESC/POS only"));
        figures.add(new Figure(label + " sent bytes", host.sent, "bytes", "job + DLE EOT queries"));
        for (int baud : new int[] {9600, 115_200}) {
            figures.add(new Figure(label + " wire @" + baud, SerialSettings.of8N1(baud).wireSeconds((int) host.sent),
                    "s", "8N1, sent bytes"));
        }
    }

    private static void pdf(List<Figure> figures, ReceiptPdf pdf, Receipt receipt, ReceiptPdf.PageFormat format)
            throws Exception {
        int size = 0;
        for (int i = 0; i < PDF_WARMUP; i++) {
            size = pdf.render(receipt, format).length;
        }
        double[] ms = new double[PDF_RUNS];
        for (int i = 0; i < PDF_RUNS; i++) {
            long t0 = System.nanoTime();
            pdf.render(receipt, format);
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        figures.add(new Figure("receipt pdf " + format + " warm median", ms[PDF_RUNS / 2], "ms",
                "p90 " + String.format(java.util.Locale.ROOT, "%.1f ms", ms[PDF_RUNS * 9 / 10]) + ", unsigned"));
        figures.add(new Figure("receipt pdf " + format + " size", size, "bytes", "CJK subset embedded"));
    }

    /** Counts what the driver writes, to include its status queries in the wire figures. */
    private static final class CountingTransport extends ForwardingTransport {
        private long sent;

        CountingTransport(Transport inner) {
            super(inner);
        }

        @Override
        public void write(byte[] data, int offset, int length, Duration timeout) throws TransportException {
            super.write(data, offset, length, timeout);
            sent += length;
        }
    }
}
