package org.bianmin.receipt;

import static org.assertj.core.api.Assertions.assertThat;

import org.bianmin.device.printer.ChineseMode;
import org.bianmin.device.printer.PaperWidth;
import org.bianmin.device.printer.PrinterProfile;
import org.bianmin.device.printer.TextLayout;
import org.bianmin.device.printer.virtual.EscPosDecoder;
import org.bianmin.device.printer.virtual.EscPosEvent;
import org.bianmin.device.printer.virtual.Transcript;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReceiptEscPosTest {

    @ParameterizedTest
    @CsvSource({"MM58,true", "MM58,false", "MM80,true", "MM80,false"})
    void decodesBackToTheSameTextAndQrWithinThePaperWidth(PaperWidth paper, boolean nativeQr) throws Exception {
        Receipt r = Receipt.sample(ReceiptModelTest.CLOCK);
        PrinterProfile profile = PrinterProfile.standard(paper).withNativeQr(nativeQr);
        Transcript t = Transcript.of(EscPosDecoder.decodeStrict(ReceiptEscPos.render(r, profile),
                ChineseMode.FS_AMPERSAND));
        String flat = t.text().replace("\n", "").replace(" ", "");
        for (Receipt.Field f : r.fields()) {
            assertThat(flat).contains(f.label() + "：" + f.value().replace(" ", ""));
        }
        assertThat(flat).contains(r.title(), r.collectAt().replace(" ", ""), "扫码查询办理进度");
        assertThat(t.qrPayloads()).containsExactly(r.trackingPayload());
        assertThat(t.cuts()).isEqualTo(1);
        assertThat(t.elements()).filteredOn(e -> e instanceof EscPosEvent.TextLine).allSatisfy(e -> {
            EscPosEvent.TextLine l = (EscPosEvent.TextLine) e;
            assertThat(TextLayout.width(l.text()) * l.widthMultiplier()).isLessThanOrEqualTo(paper.columns);
        });
    }

    @org.junit.jupiter.api.Test
    void aTraditionalSessionsRollIsPrintedInTraditional() throws Exception {
        Transcript t = Transcript.of(EscPosDecoder.decodeStrict(ReceiptEscPos.render(ReceiptModelTest.traditional(),
                PrinterProfile.standard(PaperWidth.MM80)), ChineseMode.FS_AMPERSAND));
        String flat = t.text().replace("\n", "").replace(" ", "");
        assertThat(flat).contains("便民服務受理回執", "回執編號：", "辦理事項：居民身份證換領", "辦理狀態：已提交，辦理部門已收到",
                "後續步驟：", "領取地點：", "掃碼查詢辦理進度", "申請人：张**");
        assertThat(ReceiptModelTest.simplifiedOnly(flat)).isEqualTo("张");
    }

    @org.junit.jupiter.api.Test
    void offlineReceiptsSayTheyWillBeSentAutomatically() throws Exception {
        Receipt s = Receipt.sample(ReceiptModelTest.CLOCK);
        Receipt offline = new Receipt(s.title(), s.receiptNumber(), s.itemName(), s.itemCode(), s.applicant(),
                s.issuedAt(), Receipt.Status.SAVED_OFFLINE, s.nextSteps(), s.collectAt(), s.trackingPayload(),
                s.kioskId(), s.hallAddress(), s.hallPhone());
        Transcript t = Transcript.of(EscPosDecoder.decodeStrict(
                ReceiptEscPos.render(offline, PrinterProfile.standard(PaperWidth.MM58)), ChineseMode.FS_AMPERSAND));
        assertThat(t.text().replace("\n", "")).contains("已保存，将自动提交给办理部门");
    }
}
