package org.bianmin.cache.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.bianmin.protocol.api.ReceiptNumbers;
import org.junit.jupiter.api.Test;

/** The check itself is {@code ReceiptNumbersTest}'s (protocol): here, the number the outbox gives out. */
class ReceiptNumberTest {

    @Test
    void formatIsKioskDateSequenceAndCheckDigits() {
        String r = ReceiptNumber.format("GL-0001", LocalDate.of(2026, 11, 21), 42);
        assertThat(r).isEqualTo("GL-0001-20261121-0042-03");
        assertThat(ReceiptNumbers.isValid(r)).isTrue();
        assertThat(ReceiptNumbers.isValid(r.toLowerCase())).isTrue();
        assertThat(ReceiptNumber.format("GL-0001", LocalDate.of(2026, 11, 21), 12345))
                .startsWith("GL-0001-20261121-12345-");
        assertThatThrownBy(() -> ReceiptNumber.format("gl 1", LocalDate.of(2026, 11, 21), 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
