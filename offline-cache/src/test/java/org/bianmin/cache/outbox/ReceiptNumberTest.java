package org.bianmin.cache.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ReceiptNumberTest {

    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    @Test
    void checkCharacterFollowsIso7064Mod37Dash2() {
        // Worked by hand: p = ((0+1)*2)%37 = 2, then ((2+2)*2)%37 = 8, then ((8+3)*2)%37 = 22; (38-22)%37 = 16 → G.
        assertThat(ReceiptNumber.checkCharacter("123")).isEqualTo('G');
        assertThat(ReceiptNumber.isValid("123G")).isTrue();
    }

    @Test
    void formatIsKioskDateSequenceAndCheck() {
        String r = ReceiptNumber.format("GL-0001", LocalDate.of(2026, 11, 21), 42);
        assertThat(r).isEqualTo("GL-0001-20261121-0042U");
        assertThat(ReceiptNumber.isValid(r)).isTrue();
        assertThat(ReceiptNumber.isValid(r.toLowerCase())).isTrue();
        assertThat(ReceiptNumber.format("GL-0001", LocalDate.of(2026, 11, 21), 12345)).startsWith("GL-0001-20261121-12345");
        assertThatThrownBy(() -> ReceiptNumber.format("gl 1", LocalDate.of(2026, 11, 21), 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(ReceiptNumber.isValid("")).isFalse();
        assertThat(ReceiptNumber.isValid("收据-1")).isFalse();
    }

    /** Exhaustive over 400 receipts: every substitution at every position, every swap of neighbours. */
    @Test
    void everySingleWrongCharacterAndEveryAdjacentSwapIsDetected() {
        SplittableRandom random = new SplittableRandom(7064);
        for (int n = 0; n < 400; n++) {
            StringBuilder id = new StringBuilder();
            for (int k = 0, len = random.nextInt(4, 13); k < len; k++) {
                id.append(ALPHABET.charAt(random.nextInt(36)));
            }
            String receipt = ReceiptNumber.format(id.toString(), LocalDate.of(2026, 1, 1).plusDays(random.nextInt(3650)),
                    random.nextInt(1, 100_000));
            assertThat(ReceiptNumber.isValid(receipt)).as(receipt).isTrue();
            for (int i = 0; i < receipt.length(); i++) {
                char c = receipt.charAt(i);
                String set = i == receipt.length() - 1 ? ALPHABET + "*" : ALPHABET;
                for (char wrong : set.toCharArray()) {
                    if (c != '-' && wrong != c) {
                        String typo = receipt.substring(0, i) + wrong + receipt.substring(i + 1);
                        assertThat(ReceiptNumber.isValid(typo)).as(typo).isFalse();
                    }
                }
            }
            String compact = receipt.replace("-", "");
            for (int i = 0; i + 1 < compact.length(); i++) {
                if (compact.charAt(i) != compact.charAt(i + 1)) {
                    String swapped = compact.substring(0, i) + compact.charAt(i + 1) + compact.charAt(i)
                            + compact.substring(i + 2);
                    assertThat(ReceiptNumber.isValid(swapped)).as(swapped).isFalse();
                }
            }
        }
    }
}
