package org.bianmin.kiosk.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.bianmin.kiosk.i18n.Language;
import org.bianmin.kiosk.i18n.Messages;
import org.bianmin.protocol.catalogue.FormDefinition.Field;
import org.bianmin.protocol.catalogue.FormDefinition.FieldType;
import org.bianmin.protocol.catalogue.FormDefinition.Prefill;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Words read in the citizen's language; data shows as it is. */
class FieldWordsTest {

    private static final Field LOSS_TYPE = new Field("lossType", "挂失类型", FieldType.CHOICE, true, null, null, null,
            List.of("临时挂失", "正式挂失"), null,
            new Field.English("Type of loss report", null, List.of("Temporary loss report", "Formal loss report")));
    private static final Field NATION = new Field("nation", "民族", FieldType.TEXT, true, Prefill.NATION, null, null,
            null, null);
    private static final Field ADDRESS = new Field("address", "住址", FieldType.TEXT, true, Prefill.ADDRESS, null,
            null, null, null);

    @ParameterizedTest
    @EnumSource(Language.class)
    void choicesAndCardWordsReadInTheLanguageAndDataAsItIs(Language language) {
        Messages m = new Messages(language);
        assertThat(FieldWords.shown(m, LOSS_TYPE, "正式挂失")).isEqualTo(switch (language) {
            case ZH_CN -> "正式挂失";
            case ZH_TW -> "正式掛失";
            case EN -> "Formal loss report";
        });
        assertThat(FieldWords.shown(m, NATION, "汉")).isEqualTo(switch (language) {
            case ZH_CN -> "汉";
            case ZH_TW -> "漢";
            case EN -> "Han";
        });
        assertThat(FieldWords.shown(m, ADDRESS, "北京市朝阳区示例路")).as("the card's data").isEqualTo("北京市朝阳区示例路");
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void aChoiceWithoutEnglishFallsBackToTheCataloguesWord(Language language) {
        Field plain = new Field("lossType", "挂失类型", FieldType.CHOICE, true, null, null, null,
                List.of("临时挂失", "正式挂失"), null);
        assertThat(FieldWords.shown(new Messages(language), plain, "临时挂失"))
                .isEqualTo(language == Language.ZH_TW ? "臨時掛失" : "临时挂失");
    }
}
