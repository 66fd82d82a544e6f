package org.bianmin.device.printer.virtual;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import javax.imageio.ImageIO;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.bianmin.device.printer.ChineseMode;
import org.bianmin.device.printer.EscPos;
import org.bianmin.device.printer.EscPosWriter;
import org.bianmin.device.printer.PaperWidth;
import org.bianmin.device.printer.PrinterProfile;
import org.bianmin.device.transport.MemoryLink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The roll image is bounded whatever the job: a real printer feeds paper, it does not allocate it. Jobs found by the
 * fuzz campaign: 100 × ESC d 255 (303 bytes) exhausted a 1 GB heap; 1,000 × threw "Dimensions … too large".
 */
class RollRendererBoundsTest {

    private static final RollRenderer RENDERER = new RollRenderer(PaperWidth.MM80);
    private static final int MAX_HEIGHT = RollRenderer.MAX_ROLL_DOTS + RollRenderer.LINE_PITCH
            + 2 * RollRenderer.MARGIN;

    @Test
    void longFeedsAreDrawnShortenedWithTheirLengthAndTheTextAfterThemStillShows() {
        ByteArrayOutputStream job = new ByteArrayOutputStream();
        for (int i = 0; i < 100; i++) {
            job.writeBytes(new byte[] {0x1B, 'd', (byte) 255});
        }
        job.writeBytes(new byte[] {0x1D, 'V', 0});
        assertThat(job.size()).isEqualTo(303);
        BufferedImage roll = RENDERER.render(decode(job.toByteArray()));
        assertThat(roll.getHeight()).isLessThanOrEqualTo(MAX_HEIGHT);
        // 100 shortened feeds and the cut fit: nothing is cut off, so no red note.
        assertThat(redRows(roll)).isZero();
    }

    @Test
    void aRollFullerThanTwoMetresEndsInARedNoteInsteadOfAnError() {
        ByteArrayOutputStream job = new ByteArrayOutputStream();
        for (int i = 0; i < 1000; i++) {
            job.writeBytes(new byte[] {0x1B, 'd', (byte) 255});
            job.writeBytes("line\n".getBytes());
        }
        job.writeBytes(new byte[] {0x1D, 'V', 0});
        BufferedImage roll = RENDERER.render(decode(job.toByteArray()));
        assertThat(roll.getHeight()).isLessThanOrEqualTo(MAX_HEIGHT);
        assertThat(redRows(roll)).as("the cut-off note").isPositive();
    }

    @Test
    void thinRasterBandsJoinIntoBoundedImages() {
        EscPosWriter w = new EscPosWriter(PrinterProfile.standard(PaperWidth.MM80));
        ByteArrayOutputStream job = new ByteArrayOutputStream();
        byte[] band = {0x1D, 'v', '0', 0, 72, 0, 1, 0};
        for (int i = 0; i < 40_000; i++) {
            job.writeBytes(band);
            job.writeBytes(new byte[72]);
        }
        job.writeBytes(w.init().cut().toBytes());
        List<EscPosEvent> elements = decode(job.toByteArray());
        assertThat(elements).filteredOn(e -> e instanceof EscPosEvent.Raster)
                .allSatisfy(r -> assertThat(((EscPosEvent.Raster) r).image().heightDots())
                        .isLessThanOrEqualTo(RollRenderer.MAX_ROLL_DOTS))
                .hasSize(3);
        assertThat(RENDERER.render(elements).getHeight()).isLessThanOrEqualTo(MAX_HEIGHT);
    }

    @Test
    void thousandsOfQrCodesEncodeAtMostTheRollsShare() {
        EscPosWriter w = new EscPosWriter(PrinterProfile.standard(PaperWidth.MM80));
        byte[] one = w.init().align(EscPos.Align.CENTER).qr("https://zwfw.example.gov.cn/t/1", 1,
                EscPos.QrErrorLevel.L).toBytes();
        ByteArrayOutputStream job = new ByteArrayOutputStream();
        for (int i = 0; i < 5_000; i++) {
            job.writeBytes(one);
        }
        BufferedImage roll = RENDERER.render(decode(job.toByteArray()));
        assertThat(roll.getHeight()).isLessThanOrEqualTo(MAX_HEIGHT);
        assertThat(redRows(roll)).as("notes for the QR codes not drawn").isPositive();
    }

    /** A job that never cuts keeps a bounded receipt; its cut still ends a roll that says what was not kept. */
    @Test
    void aReceiptOfMoreElementsThanKeptStillEndsInItsRollWithANote(@TempDir Path dir) throws Exception {
        MemoryLink link = new MemoryLink("printer");
        try (VirtualPrinter printer = new VirtualPrinter(link.deviceEnd(),
                VirtualPrinter.Config.of(PaperWidth.MM58).withPngDir(dir))) {
            printer.start();
            link.hostEnd().open();
            byte[] feeds = new byte[3 * (VirtualPrinter.MAX_RECEIPT_ELEMENTS + 100)];
            for (int i = 0; i < feeds.length; i += 3) {
                feeds[i] = 0x1B;
                feeds[i + 1] = 'd';
            }
            link.hostEnd().write(feeds, Duration.ofSeconds(10));
            link.hostEnd().write(new byte[] {0x1D, 'V', 0}, Duration.ofSeconds(1));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (printer.transcript().cuts() == 0) { // the printer decodes on its own thread
                assertThat(System.nanoTime() - deadline).as("the cut is decoded").isNegative();
                LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
            }
            printer.awaitPngs(Duration.ofSeconds(30));
            assertThat(printer.pngs()).hasSize(1);
            BufferedImage roll = ImageIO.read(printer.pngs().getFirst().toFile());
            assertThat(roll.getHeight()).isLessThanOrEqualTo(MAX_HEIGHT);
            assertThat(redRows(roll)).as("the not-kept note").isPositive();
        }
    }

    @Property(tries = 100)
    void garbageGivesABoundedRollAndNeverThrows(@ForAll @Size(max = 20_000) byte[] garbage) {
        EscPosDecoder decoder = new EscPosDecoder(ChineseMode.FS_AMPERSAND);
        BufferedImage roll = RENDERER.render(Transcript.of(decoder.feed(garbage, 0, garbage.length)).elements());
        assertThat(roll.getHeight()).isBetween(1, MAX_HEIGHT);
        assertThat(roll.getWidth()).isEqualTo(PaperWidth.MM80.dots + 2 * RollRenderer.MARGIN);
    }

    private static List<EscPosEvent> decode(byte[] job) {
        EscPosDecoder decoder = new EscPosDecoder(ChineseMode.FS_AMPERSAND);
        return Transcript.of(decoder.feed(job, 0, job.length)).elements();
    }

    /** Rows holding a clearly red pixel: the renderer's notes (cut off, not drawn, rejected) are red. */
    private static int redRows(BufferedImage img) {
        int rows = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y);
                if ((rgb >> 16 & 0xFF) > 180 && (rgb >> 8 & 0xFF) < 90 && (rgb & 0xFF) < 90) {
                    rows++;
                    break;
                }
            }
        }
        return rows;
    }
}
