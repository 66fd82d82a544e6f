package org.bianmin.receipt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ReceiptModelTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T02:15:00Z"), ZoneId.of("Asia/Shanghai"));

    @Test
    void applicantIsAlwaysMasked() {
        Applicant a = new Applicant("张三丰", "350102199001011234", "13812341234");
        assertThat(a).isEqualTo(new Applicant("张**", "350102********1234", "138****1234"));
        assertThat(new Applicant(a.name(), a.idNumber(), a.phone())).isEqualTo(a);
        assertThat(new Applicant("李", "12345", null)).isEqualTo(new Applicant("李", "*****", ""));
    }

    @Test
    void jsonRoundTrips() throws Exception {
        Receipt r = Receipt.sample(CLOCK);
        String json = ReceiptJson.write(r);
        assertThat(json).contains("\"issuedAt\" : \"2026-11-21T10:15:00+08:00\"").contains("350102********1234")
                .doesNotContain("199001011234");
        assertThat(ReceiptJson.parse(json)).isEqualTo(r);
    }

    @Test
    void clearPersonalDataInJsonIsMaskedOnRead() throws Exception {
        String json = ReceiptJson.write(Receipt.sample(CLOCK)).replace("350102********1234", "350102199001011234");
        assertThat(ReceiptJson.parse(json).applicant().idNumber()).isEqualTo("350102********1234");
    }

    /** The sample as a 繁體 session's receipt. */
    static Receipt traditional() {
        Receipt s = Receipt.sample(CLOCK);
        return new Receipt(s.title(), s.receiptNumber(), s.itemName(), s.itemCode(), s.applicant(), s.issuedAt(),
                s.status(), s.nextSteps(), s.collectAt(), s.trackingPayload(), s.kioskId(), s.hallAddress(),
                s.hallPhone(), Receipt.Script.TRADITIONAL);
    }

    /** Han characters of {@code text} that Taiwan's Big5 lacks: simplified-only ones (证, 办, 扫). */
    static String simplifiedOnly(String text) {
        var big5 = Charset.forName("Big5").newEncoder();
        StringBuilder out = new StringBuilder();
        text.codePoints().filter(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN
                && !big5.canEncode(Character.toString(cp))).forEach(out::appendCodePoint);
        return out.toString();
    }

    @Test
    void aTraditionalReceiptHoldsItsTextsAndLabelsInTraditionalButTheApplicantAsTheCardHasIt() throws Exception {
        Receipt r = traditional();
        assertThat(r.itemName()).isEqualTo("居民身份證換領（到期換證）");
        assertThat(r.fields()).contains(new Receipt.Field("辦理事項", "居民身份證換領（到期換證）"),
                new Receipt.Field("辦理狀態", "已提交，辦理部門已收到"), new Receipt.Field("申請人", "张**"));
        assertThat(r.footer()).extracting(Receipt.Field::label).containsExactly("終端編號", "大廳地址", "諮詢電話");
        String all = String.join("", r.title(), r.collectAt(), r.hallAddress(), String.join("", r.nextSteps()),
                r.fields().stream().map(f -> f.label() + f.value()).reduce("", String::concat));
        assertThat(simplifiedOnly(all)).isEqualTo("张"); // the masked applicant, off the card
        assertThat(ReceiptJson.parse(ReceiptJson.write(r))).as("converted once: a round trip changes nothing")
                .isEqualTo(r);
    }

    @Test
    void badJsonIsATypedErrorNamingTheProblem() {
        assertThatThrownBy(() -> ReceiptJson.parse("{")).isInstanceOf(ReceiptFormatException.class);
        assertThatThrownBy(() -> ReceiptJson.parse("[]")).isInstanceOf(ReceiptFormatException.class);
        assertThatThrownBy(() -> ReceiptJson.parse("null")).isInstanceOf(ReceiptFormatException.class);
        String noNumber = ReceiptJson.write(Receipt.sample(CLOCK)).replace("\"receiptNumber\"", "\"receiptNo\"");
        assertThatThrownBy(() -> ReceiptJson.parse(noNumber)).isInstanceOf(ReceiptFormatException.class)
                .hasMessageContaining("receiptNumber");
        String extraKey = ReceiptJson.write(Receipt.sample(CLOCK)).replace("\"title\"", "\"colour\" : 1, \"title\"");
        assertThatThrownBy(() -> ReceiptJson.parse(extraKey)).isInstanceOf(ReceiptFormatException.class)
                .hasMessageContaining("colour");
        String badStatus = ReceiptJson.write(Receipt.sample(CLOCK)).replace("SUBMITTED", "DONE");
        assertThatThrownBy(() -> ReceiptJson.parse(badStatus)).isInstanceOf(ReceiptFormatException.class);
    }
}
