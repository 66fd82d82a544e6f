package org.bianmin.kiosk.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import org.bianmin.kiosk.config.AdminConfig;
import org.junit.jupiter.api.Test;

class PinsTest {

    @Test
    void aHashMatchesItsPinOnlyAndHoldsNoDigitsOfIt() {
        AdminConfig.StoredPin stored = Pins.hash("482916".toCharArray(), new SecureRandom());
        assertThat(Pins.matches("482916".toCharArray(), stored)).isTrue();
        assertThat(Pins.matches("482917".toCharArray(), stored)).isFalse();
        assertThat(Pins.matches("".toCharArray(), stored)).isFalse();
        assertThat(Pins.matches("482916".toCharArray(), null)).isFalse();
        assertThat(stored.toString()).doesNotContain("482916");
        assertThat(stored.iterations()).isGreaterThanOrEqualTo(AdminConfig.StoredPin.MIN_ITERATIONS);
        AdminConfig.StoredPin again = Pins.hash("482916".toCharArray(), new SecureRandom());
        assertThat(again.salt()).as("fresh salt").isNotEqualTo(stored.salt());
        assertThat(again.hash()).isNotEqualTo(stored.hash());
    }

    @Test
    void thePinSaysWhichRoleItIs() {
        SecureRandom random = new SecureRandom();
        AdminConfig config = AdminConfig.defaults().withOperatorPin(Pins.hash("482916".toCharArray(), random))
                .withTechnicianPin(Pins.hash("730251".toCharArray(), random));
        assertThat(Pins.roleOf("482916".toCharArray(), config)).contains(AdminRole.OPERATOR);
        assertThat(Pins.roleOf("730251".toCharArray(), config)).contains(AdminRole.TECHNICIAN);
        assertThat(Pins.roleOf("000000".toCharArray(), config)).isEmpty();
        assertThat(Pins.roleOf("482916".toCharArray(), AdminConfig.defaults())).isEmpty();
    }

    @Test
    void weakOrMalformedPinsAreRefused() {
        assertThat(Pins.problem("12345".toCharArray())).hasValueSatisfying(p -> assertThat(p).contains("6 to 12"));
        assertThat(Pins.problem("1234567890123".toCharArray())).isPresent();
        assertThat(Pins.problem("48a916".toCharArray())).hasValueSatisfying(p -> assertThat(p).contains("digits"));
        assertThat(Pins.problem("777777".toCharArray())).isPresent();
        assertThat(Pins.problem("123456".toCharArray())).isPresent();
        assertThat(Pins.problem("987654".toCharArray())).isPresent();
        assertThat(Pins.problem("482916".toCharArray())).isEmpty();
    }

    @Test
    void aTamperedStoredPinNeverMatches() {
        AdminConfig.StoredPin stored = Pins.hash("482916".toCharArray(), new SecureRandom());
        assertThat(Pins.matches("482916".toCharArray(), new AdminConfig.StoredPin(stored.algorithm(),
                stored.iterations(), stored.salt(), "not base64!"))).isFalse();
        assertThat(Pins.matches("482916".toCharArray(), new AdminConfig.StoredPin(stored.algorithm(),
                stored.iterations() + 1, stored.salt(), stored.hash()))).isFalse();
    }
}
