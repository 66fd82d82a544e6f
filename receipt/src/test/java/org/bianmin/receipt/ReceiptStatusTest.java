package org.bianmin.receipt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class ReceiptStatusTest {

    private static final List<Locale> LOCALES = List.of(Locale.SIMPLIFIED_CHINESE, Locale.TRADITIONAL_CHINESE,
            Locale.ENGLISH);

    @Test
    void everyStatusHasItsLineAndNextStepsInEveryLanguageAndPrintsTheChineseOne() {
        for (Receipt.Status status : Receipt.Status.values()) {
            assertThat(status.label).isEqualTo(status.text(Locale.SIMPLIFIED_CHINESE));
            for (Locale locale : LOCALES) {
                assertThat(status.text(locale)).as("%s in %s", status, locale).isNotBlank();
                assertThat(status.nextSteps(locale)).as("%s in %s", status, locale).isNotEmpty()
                        .allSatisfy(line -> assertThat(line).isNotBlank());
            }
            assertThat(status.nextSteps(Locale.ENGLISH)).hasSameSizeAs(status.nextSteps(Locale.SIMPLIFIED_CHINESE));
        }
    }

    @Test
    void aDecidedApplicationPromisesNoTextMessage() {
        assertThat(Receipt.Status.COMPLETED.nextSteps(Locale.SIMPLIFIED_CHINESE)).noneMatch(l -> l.contains("短信"));
        assertThat(Receipt.Status.SUBMITTED.nextSteps(Locale.SIMPLIFIED_CHINESE)).anyMatch(l -> l.contains("短信"));
    }
}
