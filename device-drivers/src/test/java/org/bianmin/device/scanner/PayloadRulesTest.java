package org.bianmin.device.scanner;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PayloadRulesTest {

    private final PayloadRules rules = PayloadRules.defaults();

    @Test
    void utf8AndGbkAreTellApart() {
        String chinese = "鼓楼区政务服务中心";
        assertThat(rules.fromBytes(chinese.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(new ScanResult.Scanned(new ScanPayload.Other(chinese), StandardCharsets.UTF_8));
        assertThat(rules.fromBytes(chinese.getBytes(PayloadRules.GBK)))
                .isEqualTo(new ScanResult.Scanned(new ScanPayload.Other(chinese), PayloadRules.GBK));
        assertThat(rules.fromBytes(new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF}))
                .isInstanceOfSatisfying(ScanResult.Rejected.class,
                        r -> assertThat(r.reason()).isEqualTo(ScanResult.Reason.BAD_ENCODING));
    }

    @Test
    void classifiesReceiptsTrackingUrlsTokensUrlsAndOthers() {
        assertThat(payload("KIOSK-0001-20261122-0001U")).isInstanceOf(ScanPayload.ReceiptCode.class);
        assertThat(payload("GL-0001-20261122-0007*")).isInstanceOf(ScanPayload.ReceiptCode.class);
        assertThat(payload("GL-0001-20261121-0042-03")).isEqualTo(
                new ScanPayload.ReceiptCode("GL-0001-20261121-0042-03", "GL-0001-20261121-0042-03"));
        assertThat(payload("FZ-GL-20261121-00042")).isEqualTo(
                new ScanPayload.ReceiptCode("FZ-GL-20261121-00042", "FZ-GL-20261121-00042"));
        assertThat(payload("https://zwfw.example.gov.cn/track/FZ-GL-20261121-00042"))
                .isInstanceOfSatisfying(ScanPayload.ReceiptCode.class,
                        r -> assertThat(r.receiptNumber()).isEqualTo("FZ-GL-20261121-00042"));
        ScanPayload token = payload("EID:" + "A1b2C3d4".repeat(8));
        assertThat(token).isInstanceOf(ScanPayload.EidToken.class);
        assertThat(token.toString()).doesNotContain("A1b2C3d4A1b2");
        assertThat(payload("https://www.example.gov.cn/guide?item=1")).isInstanceOf(ScanPayload.Url.class);
        assertThat(payload("http://")).isInstanceOf(ScanPayload.Other.class);
        assertThat(payload("hello world")).isInstanceOf(ScanPayload.Other.class);
    }

    @Test
    void rejectsEmptyOverlongAndControlCharacters() {
        assertThat(reason(new byte[0])).isEqualTo(ScanResult.Reason.EMPTY);
        assertThat(reason(new byte[5000])).isEqualTo(ScanResult.Reason.TOO_LONG);
        assertThat(reason("AB\u0007CD".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(ScanResult.Reason.CONTROL_CHARACTERS);
    }

    private ScanResult.Reason reason(byte[] bytes) {
        return ((ScanResult.Rejected) rules.fromBytes(bytes)).reason();
    }

    private ScanPayload payload(String text) {
        return ((ScanResult.Scanned) rules.fromBytes(text.getBytes(StandardCharsets.UTF_8))).payload();
    }
}
