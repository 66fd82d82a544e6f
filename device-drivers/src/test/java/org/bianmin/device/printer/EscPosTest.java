package org.bianmin.device.printer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class EscPosTest {

    private static String hex(byte[] b) {
        return HexFormat.ofDelimiter(" ").withUpperCase().formatHex(b);
    }

    @Test
    void basicCommandsAreByteExact() {
        assertThat(hex(EscPos.init())).isEqualTo("1B 40");
        assertThat(hex(EscPos.align(EscPos.Align.CENTER))).isEqualTo("1B 61 01");
        assertThat(hex(EscPos.bold(true))).isEqualTo("1B 45 01");
        assertThat(hex(EscPos.bold(false))).isEqualTo("1B 45 00");
        assertThat(hex(EscPos.size(2, 2))).isEqualTo("1D 21 11");
        assertThat(hex(EscPos.size(1, 2))).isEqualTo("1D 21 01");
        assertThat(hex(EscPos.feed(3))).isEqualTo("1B 64 03");
        assertThat(hex(EscPos.cut())).isEqualTo("1D 56 01");
        assertThat(hex(EscPos.chineseModeOn())).isEqualTo("1C 26");
        assertThat(hex(EscPos.chineseModeOff())).isEqualTo("1C 2E");
        assertThat(hex(EscPos.statusRequest(1))).isEqualTo("10 04 01");
        assertThat(hex(EscPos.statusRequest(4))).isEqualTo("10 04 04");
    }

    @Test
    void qrCommandsAreByteExact() {
        assertThat(hex(EscPos.qrModel2())).isEqualTo("1D 28 6B 04 00 31 41 32 00");
        assertThat(hex(EscPos.qrModuleSize(6))).isEqualTo("1D 28 6B 03 00 31 43 06");
        assertThat(hex(EscPos.qrErrorLevel(EscPos.QrErrorLevel.M))).isEqualTo("1D 28 6B 03 00 31 45 31");
        assertThat(hex(EscPos.qrStore("AB".getBytes()))).isEqualTo("1D 28 6B 05 00 31 50 30 41 42");
        assertThat(hex(EscPos.qrPrint())).isEqualTo("1D 28 6B 03 00 31 51 30");
    }

    @Test
    void qrStoreLengthUsesBothBytes() {
        byte[] cmd = EscPos.qrStore(new byte[300]);
        assertThat(cmd[3] & 0xFF).isEqualTo(303 & 0xFF);
        assertThat(cmd[4] & 0xFF).isEqualTo(303 >> 8);
    }

    @Test
    void rasterBandHeaderIsByteExact() {
        assertThat(hex(EscPos.rasterBand(2, 1, new byte[] {(byte) 0xF0, 0x0F})))
                .isEqualTo("1D 76 30 00 02 00 01 00 F0 0F");
    }

    @Test
    void outOfRangeArgumentsAreRejected() {
        assertThatThrownBy(() -> EscPos.size(9, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EscPos.statusRequest(3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EscPos.rasterBand(2, 2, new byte[3])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void writerEncodesChineseBehindFsAmpersand() {
        byte[] job = new EscPosWriter(PrinterProfile.standard(PaperWidth.MM58)).init().line("测试A").toBytes();
        assertThat(hex(job)).isEqualTo("1B 40 1C 26 B2 E2 CA D4 41 0A");
    }

    @Test
    void writerSendsRawGb18030WhenTheProfileSaysSo() {
        PrinterProfile raw = PrinterProfile.standard(PaperWidth.MM58).withChineseMode(ChineseMode.RAW);
        assertThat(hex(new EscPosWriter(raw).init().line("测试").toBytes())).isEqualTo("1B 40 B2 E2 CA D4 0A");
    }

    @Test
    void controlCharactersInDataCannotInjectCommands() {
        byte[] job = new EscPosWriter(PrinterProfile.standard(PaperWidth.MM58)).line("a\u001BVb\u001Dc").toBytes();
        assertThat(hex(job)).isEqualTo("61 20 56 62 20 63 0A");
    }

    @Test
    void nativeQrUsesGsParenKAndRasterFallbackUsesGsV0Bands() {
        PrinterProfile p = PrinterProfile.standard(PaperWidth.MM80);
        byte[] nativeQr = new EscPosWriter(p).qr("https://x.cn/t/1", 6, EscPos.QrErrorLevel.M).toBytes();
        assertThat(nativeQr.length).isLessThan(60);
        assertThat(hex(nativeQr)).startsWith("1D 28 6B 04 00 31 41 32 00");
        byte[] raster = new EscPosWriter(p.withNativeQr(false)).qr("https://x.cn/t/1", 6, EscPos.QrErrorLevel.M)
                .toBytes();
        assertThat(hex(raster)).startsWith("1D 76 30 00");
        assertThat(raster.length).isGreaterThan(1000);
    }

    @Test
    void jobsPauseForStatusOnlyBetweenCommands() {
        PrintJob job = new EscPosWriter(PrinterProfile.standard(PaperWidth.MM80).withNativeQr(false)).init()
                .line("ab").qr("x", 4, EscPos.QrErrorLevel.L).toJob("j");
        int[] points = job.pausePoints();
        assertThat(points).startsWith(2, 4, 7).endsWith(job.data().length);
        assertThat(job.nextPause(0, 3)).isEqualTo(2);
        assertThat(job.nextPause(2, 1)).isEqualTo(4);
        assertThatThrownBy(() -> new PrintJob("j", new byte[3], new int[] {2})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PrintJob("bad id", new byte[3])).isInstanceOf(IllegalArgumentException.class);
        assertThat(new PrintJob("FZ-GL-20261121-0004*", new byte[1]).id()).endsWith("*");
    }
}
