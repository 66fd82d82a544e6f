package org.bianmin.receipt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
