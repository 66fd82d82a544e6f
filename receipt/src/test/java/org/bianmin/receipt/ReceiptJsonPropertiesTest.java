package org.bianmin.receipt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/** Receipt JSON (kioskctl receipt pdf/print read it from files): garbage gives a ReceiptFormatException only. */
class ReceiptJsonPropertiesTest {

    private static final String SAMPLE = ReceiptJson.write(Receipt.sample(ReceiptModelTest.CLOCK));

    @Property(tries = 300)
    void randomTextGivesOnlyReceiptFormatExceptions(@ForAll @Size(max = 500) String json) {
        assertThat(catchThrowable(() -> ReceiptJson.parse(json))).isInstanceOf(ReceiptFormatException.class)
                .message().doesNotEndWith(": null").doesNotEndWith(": ");
    }

    @Property(tries = 500)
    void mutatedReceiptsGiveAReceiptOrAReceiptFormatException(@ForAll("mutated") String json) {
        Throwable thrown = catchThrowable(() -> ReceiptJson.parse(json));
        assertThat(thrown).satisfiesAnyOf(
                t -> assertThat(t).isNull(),
                t -> assertThat(t).isInstanceOf(ReceiptFormatException.class));
    }

    @Provide
    Arbitrary<String> mutated() {
        Arbitrary<Integer> at = Arbitraries.integers().between(0, SAMPLE.length() - 1);
        Arbitrary<String> flipped = at.flatMap(i -> Arbitraries.of("", "null", "\"\"", "-1", "{", "[", "]", "}",
                "\"x\"", "1e999", "[".repeat(3000)).map(junk -> SAMPLE.substring(0, i) + junk + SAMPLE.substring(i + 1)));
        Arbitrary<String> truncated = at.map(i -> SAMPLE.substring(0, i));
        return Arbitraries.oneOf(flipped, truncated);
    }
}
