package org.bianmin.protocol.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ReceiptNumbersTest {

    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    @Test
    void checkDigitsAreMod97OverTheBodyInRadix36() {
        // Worked by hand: "123" is 1·36² + 2·36 + 3 = 1371; 1371 mod 97 = 13; 13·100 mod 97 = 39; 98 − 39 = 59.
        assertThat(ReceiptNumbers.checkDigits("123")).isEqualTo("59");
        assertThat(ReceiptNumbers.isValid("123-59")).isTrue();
        assertThat(ReceiptNumbers.issue("GL-0001-20261121-0042")).isEqualTo("GL-0001-20261121-0042-03");
    }

    @Test
    void newNumbersHoldNoLetterThatReadsAsADigit() {
        SplittableRandom random = new SplittableRandom(14);
        for (int n = 0; n < 2000; n++) {
            String receipt = ReceiptNumbers.issue("GL-0001-2026" + String.format("%04d", random.nextInt(101, 1232))
                    + "-" + String.format("%04d", random.nextInt(1, 100_000)));
            assertThat(receipt.substring("GL-0001-".length())).as(receipt).matches("[0-9-]+");
        }
    }

    @Test
    void numbersIssuedBeforeStayValid() {
        assertThat(ReceiptNumbers.legacyCheckCharacter("123")).isEqualTo('G');
        assertThat(ReceiptNumbers.isValid("GL-0001-20261121-0042U")).isTrue();
        assertThat(ReceiptNumbers.isValid("GL-0001-20261101-0003O")).isTrue();
        assertThat(ReceiptNumbers.isValid("gl-0001-20261101-0006i")).isTrue();
        assertThat(ReceiptNumbers.isValid("GL-0001-20261121-0042V")).isFalse();
        assertThat(ReceiptNumbers.isValid("")).isFalse();
        assertThat(ReceiptNumbers.isValid(null)).isFalse();
        assertThat(ReceiptNumbers.isValid("收据-1")).isFalse();
        assertThat(ReceiptNumbers.isValid("收据-12")).isFalse();
    }

    @Test
    void aNumberReadBackWithZeroForOAndOneForIIsFound() {
        // Old rolls: the check character O or I, read (or OCR'd) as 0 or 1.
        assertThat(ReceiptNumbers.readBack("GL-0001-20261101-00030")).hasValue("GL-0001-20261101-0003O");
        assertThat(ReceiptNumbers.readBack("GL-0001-20261101-00061")).hasValue("GL-0001-20261101-0006I");
        assertThat(ReceiptNumbers.readBack(" gl-0001-20261101-0003o ")).hasValue("GL-0001-20261101-0003O");
        // Letters where only digits stand (date, sequence, check digits) are the digits they look like.
        assertThat(ReceiptNumbers.readBack("GL-0001-2O2611O1-OOO3O")).hasValue("GL-0001-20261101-0003O");
        assertThat(ReceiptNumbers.readBack("GL-0001-2O26112I-OO42-O3")).hasValue("GL-0001-20261121-0042-03");
        assertThat(ReceiptNumbers.readBack("GL-0001-20261121-0042-03")).hasValue("GL-0001-20261121-0042-03");
        // A real typo is not guessed away.
        assertThat(ReceiptNumbers.readBack("GL-0001-20261121-0043-03")).isEmpty();
        assertThat(ReceiptNumbers.readBack("GL-0001-20261101-00031")).isEmpty();
        assertThat(ReceiptNumbers.readBack("not a number")).isEmpty();
        assertThat(ReceiptNumbers.readBack("A-B")).isEmpty();
        assertThat(ReceiptNumbers.readBack(null)).isEmpty();
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
            String receipt = ReceiptNumbers.issue(id + "-2026" + String.format("%04d", random.nextInt(101, 1232))
                    + "-" + String.format("%04d", random.nextInt(1, 100_000)));
            assertThat(ReceiptNumbers.isValid(receipt)).as(receipt).isTrue();
            for (int i = 0; i < receipt.length(); i++) {
                char c = receipt.charAt(i);
                for (char wrong : ALPHABET.toCharArray()) {
                    if (c != '-' && wrong != c) {
                        String typo = receipt.substring(0, i) + wrong + receipt.substring(i + 1);
                        assertThat(ReceiptNumbers.isValid(typo)).as(typo).isFalse();
                    }
                }
            }
            // Neighbours in reading order, hyphens skipped and kept where they are.
            for (int i = 0; i < receipt.length(); i++) {
                int j = receipt.charAt(i + 1 < receipt.length() ? i + 1 : i) == '-' ? i + 2 : i + 1;
                if (receipt.charAt(i) == '-' || j >= receipt.length() || receipt.charAt(i) == receipt.charAt(j)) {
                    continue;
                }
                char[] swapped = receipt.toCharArray();
                swapped[i] = receipt.charAt(j);
                swapped[j] = receipt.charAt(i);
                assertThat(ReceiptNumbers.isValid(new String(swapped))).as(new String(swapped)).isFalse();
            }
        }
    }

    @Test
    void theKioskPartIsWhatStandsBeforeTheDayInEitherForm() {
        assertThat(ReceiptNumbers.kioskPart("GL-0001-20261121-0042-03")).contains("GL-0001");
        assertThat(ReceiptNumbers.kioskPart("KIOSK-DEMO-01-20261121-0001X")).contains("KIOSK-DEMO-01");
        assertThat(ReceiptNumbers.kioskPart("GL-20261121-0001")).contains("GL");
        assertThat(ReceiptNumbers.kioskPart("20261121-0001")).isEmpty();
        assertThat(ReceiptNumbers.kioskPart(null)).isEmpty();
    }
}
