package org.bianmin.device.printer.virtual;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.bianmin.device.printer.ChineseMode;
import org.bianmin.device.printer.EscPos;
import org.bianmin.device.printer.EscPosWriter;
import org.bianmin.device.printer.PaperWidth;
import org.bianmin.device.printer.PrinterProfile;
import org.junit.jupiter.api.Test;

class EscPosDecoderTest {

    private static final String PAYLOAD = "https://zwfw.example.gov.cn/t/2026112100042";

    private static byte[] sample(PrinterProfile p) {
        return new EscPosWriter(p).init().align(EscPos.Align.CENTER).bold(true).size(2, 2).line("便民服务")
                .size(1, 1).bold(false).align(EscPos.Align.LEFT).labelValue("编号", "B-001")
                .qr(PAYLOAD, 6, EscPos.QrErrorLevel.M).feed(2).cut().toBytes();
    }

    @Test
    void decodesWhatTheWriterEmits() throws Exception {
        PrinterProfile p = PrinterProfile.standard(PaperWidth.MM58);
        Transcript t = Transcript.of(EscPosDecoder.decodeStrict(sample(p), ChineseMode.FS_AMPERSAND));
        assertThat(t.text()).contains("便民服务").contains("编号").contains("B-001");
        assertThat(t.qrPayloads()).containsExactly(PAYLOAD);
        assertThat(t.cuts()).isEqualTo(1);
        EscPosEvent.TextLine title = (EscPosEvent.TextLine) t.elements().getFirst();
        assertThat(title).isEqualTo(new EscPosEvent.TextLine("便民服务", EscPos.Align.CENTER, true, 2, 2));
    }

    @Test
    void rasterBandsAreJoinedAndTheQrReadsBack() throws Exception {
        PrinterProfile p = PrinterProfile.standard(PaperWidth.MM80).withNativeQr(false);
        Transcript t = Transcript.of(EscPosDecoder.decodeStrict(sample(p), ChineseMode.FS_AMPERSAND));
        assertThat(t.elements()).filteredOn(e -> e instanceof EscPosEvent.Raster).hasSize(1);
        assertThat(t.qrPayloads()).containsExactly(PAYLOAD);
    }

    @Test
    void chineseWithoutFsAmpersandComesOutGarbled() throws Exception {
        PrinterProfile raw = PrinterProfile.standard(PaperWidth.MM58).withChineseMode(ChineseMode.RAW);
        byte[] job = new EscPosWriter(raw).init().line("中文").toBytes();
        assertThat(Transcript.of(EscPosDecoder.decodeStrict(job, ChineseMode.FS_AMPERSAND)).text())
                .doesNotContain("中文");
        assertThat(Transcript.of(EscPosDecoder.decodeStrict(job, ChineseMode.RAW)).text()).isEqualTo("中文\n");
    }

    @Test
    void garbageIsATypedError() {
        assertThatThrownBy(() -> EscPosDecoder.decodeStrict(new byte[] {0x1B, 0x7A, 0}, ChineseMode.RAW))
                .isInstanceOf(EscPosFormatException.class).hasMessageContaining("ESC 7A");
        assertThatThrownBy(() -> EscPosDecoder.decodeStrict(new byte[] {0x1D, 0x28, 0x6B, 3}, ChineseMode.RAW))
                .isInstanceOf(EscPosFormatException.class).hasMessageContaining("pending");
        assertThatThrownBy(() -> EscPosDecoder.decodeStrict(
                new byte[] {0x1D, 0x76, 0x30, 0, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF}, ChineseMode.RAW))
                .isInstanceOf(EscPosFormatException.class).hasMessageContaining("out of range");
    }

    @Test
    void statusRequestsInsideAJobAreReported() {
        byte[] data = {'a', 0x10, 0x04, 0x02, 'b', 0x0A};
        List<EscPosEvent> events = new EscPosDecoder(ChineseMode.RAW).feed(data, 0, data.length);
        assertThat(events).containsExactly(new EscPosEvent.StatusRequest(2),
                new EscPosEvent.TextLine("ab", EscPos.Align.LEFT, false, 1, 1));
    }

    @Property(tries = 200)
    void splittingTheStreamAnywhereGivesTheSameEvents(@ForAll @IntRange(min = 1, max = 97) int chunk) {
        byte[] job = sample(PrinterProfile.standard(PaperWidth.MM58).withNativeQr(chunk % 2 == 0));
        EscPosDecoder d = new EscPosDecoder(ChineseMode.FS_AMPERSAND);
        List<EscPosEvent> events = new ArrayList<>();
        for (int i = 0; i < job.length; i += chunk) {
            events.addAll(d.feed(job, i, Math.min(chunk, job.length - i)));
        }
        EscPosDecoder whole = new EscPosDecoder(ChineseMode.FS_AMPERSAND);
        assertThat(Transcript.of(events).elements())
                .isEqualTo(Transcript.of(whole.feed(job, 0, job.length)).elements());
    }

    @Property(tries = 500)
    void randomBytesNeverThrowAndStayBounded(@ForAll @Size(max = 2000) byte[] garbage) {
        EscPosDecoder d = new EscPosDecoder(ChineseMode.FS_AMPERSAND);
        d.feed(garbage, 0, garbage.length);
        assertThat(d.pendingBytes()).isLessThanOrEqualTo(70_000);
    }
}
