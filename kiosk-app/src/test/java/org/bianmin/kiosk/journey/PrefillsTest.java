package org.bianmin.kiosk.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.bianmin.device.idcard.CardFiles;
import org.bianmin.device.idcard.Gender;
import org.bianmin.device.idcard.IdentityCard;
import org.bianmin.kiosk.i18n.Language;
import org.bianmin.kiosk.i18n.Messages;
import org.bianmin.protocol.catalogue.FormDefinition.Prefill;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The department gets the card's own words; the citizen reads them in the kiosk's language. */
class PrefillsTest {

    @ParameterizedTest
    @EnumSource(Language.class)
    void aCardValidForLifeSaysSoInEveryLanguageButSendsTheCardsOwnWord(Language language) throws Exception {
        IdentityCard card = CardFiles.sample("resident-long-term.json");
        String value = Prefills.value(card, Prefill.VALID_UNTIL).orElseThrow();
        assertThat(value).isEqualTo("长期");
        Messages m = new Messages(language);
        assertThat(Prefills.wordKey(Prefill.VALID_UNTIL, value).map(m::get)).hasValue(switch (language) {
            case ZH_CN -> "长期";
            case ZH_TW -> "長期";
            case EN -> "Valid for life";
        });
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void genderIsShownInTheKiosksLanguage(Language language) {
        Messages m = new Messages(language);
        Arrays.stream(Gender.values()).forEach(g -> assertThat(Prefills.wordKey(Prefill.GENDER, g.label()).map(m::get))
                .as(g.name()).get().asString().isNotBlank());
        assertThat(Prefills.wordKey(Prefill.GENDER, Gender.FEMALE.label()).map(m::get))
                .hasValue(language == Language.EN ? "Female" : "女");
    }

    @org.junit.jupiter.api.Test
    void dataIsShownAsItIs() throws Exception {
        IdentityCard card = CardFiles.sample("resident.json");
        String until = Prefills.value(card, Prefill.VALID_UNTIL).orElseThrow();
        assertThat(until).isEqualTo("2035-06-01");
        assertThat(Prefills.wordKey(Prefill.VALID_UNTIL, until)).isEmpty();
        assertThat(Prefills.wordKey(Prefill.NAME, card.name())).isEmpty();
        assertThat(Prefills.wordKey(Prefill.NAME, "长期")).as("a name that happens to be the word").isEmpty();
    }
}
