package org.bianmin.device.idcard;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IdNumbersTest {

    @Test
    void checksTheReferenceExampleAndFlagsMismatches() {
        assertThat(IdNumbers.check("11010519491231002X")).isEqualTo(IdNumbers.Check.VALID);
        assertThat(IdNumbers.check("110105194912310021")).isEqualTo(IdNumbers.Check.MISMATCH);
        assertThat(IdNumbers.check("CAN110090031502")).isEqualTo(IdNumbers.Check.NOT_APPLICABLE);
        assertThat(IdNumbers.check(null)).isEqualTo(IdNumbers.Check.NOT_APPLICABLE);
    }

    @Test
    void masksAllButTheFirstSixAndLastFour() {
        assertThat(IdNumbers.mask("350102198511110047")).isEqualTo("350102********0047");
        assertThat(IdNumbers.mask("CAN110090031502")).isEqualTo("CAN110*****1502");
        assertThat(IdNumbers.mask("12345")).isEqualTo("*****");
    }

    @Test
    void theNationTableHasAll56NationsAndTheTwoSpecialCodes() {
        for (int i = 1; i <= 56; i++) {
            assertThat(Nations.name(String.format("%02d", i))).isPresent();
        }
        assertThat(Nations.name("01")).contains("汉");
        assertThat(Nations.name("56")).contains("基诺");
        assertThat(Nations.name("97")).contains("其他");
        assertThat(Nations.name("98")).contains("外国血统中国籍人士");
        assertThat(Nations.name("57")).isEmpty();
        assertThat(Nations.code("畲")).contains("22");
        for (int i = 1; i <= 56; i++) {
            assertThat(Nations.english(Nations.name(String.format("%02d", i)).orElseThrow())).as("nation %d", i)
                    .hasValueSatisfying(e -> assertThat(e).matches("[A-Z][a-z']+"));
        }
        assertThat(Nations.english("汉")).contains("Han");
        assertThat(Nations.english("基诺")).contains("Jino");
        assertThat(Nations.english("其他")).contains("Other");
        assertThat(Nations.english("火星")).isEmpty();
    }
}
