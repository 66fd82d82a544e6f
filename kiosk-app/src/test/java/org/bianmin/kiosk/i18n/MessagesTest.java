package org.bianmin.kiosk.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.MessageFormat;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.stream.Stream;
import org.bianmin.protocol.catalogue.ServiceItem;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MessagesTest {

    private static final ResourceBundle PRIMARY = Messages.load(Language.ZH_CN);

    @ParameterizedTest
    @EnumSource(Language.class)
    void everyLanguageHasExactlyThePrimaryKeys(Language language) {
        ResourceBundle bundle = Messages.load(language);
        assertThat(bundle.keySet()).as(language.tag()).containsExactlyInAnyOrderElementsOf(PRIMARY.keySet());
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void everyValueIsUsableText(Language language) {
        ResourceBundle bundle = Messages.load(language);
        for (String key : bundle.keySet()) {
            String value = bundle.getString(key);
            assertThat(value).as(language.tag() + " " + key).isNotBlank().doesNotContain("'");
            new MessageFormat(value, language.locale()); // throws on a broken pattern
            assertThat(placeholders(value)).as(language.tag() + " " + key + " placeholders")
                    .isEqualTo(placeholders(PRIMARY.getString(key)));
        }
    }

    /** What the citizen must know about the machine is in their language, the font alarm included. */
    @ParameterizedTest
    @EnumSource(value = Language.class, names = {"ZH_CN", "ZH_TW"})
    void everyNoticeIsInChinese(Language language) {
        ResourceBundle bundle = Messages.load(language);
        assertThat(bundle.keySet().stream().filter(k -> k.startsWith("notice."))).isNotEmpty()
                .allSatisfy(key -> assertThat(bundle.getString(key)).as(language.tag() + " " + key)
                        .containsPattern("^\\p{IsHan}"));
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void everyCatalogueEnumHasALabel(Language language) {
        Messages m = new Messages(language);
        Stream.of(ServiceItem.ItemType.values()).forEach(v -> assertThat(m.of("itemType", v)).isNotBlank());
        Stream.of(ServiceItem.ServiceObject.values()).forEach(v -> assertThat(m.of("serviceObject", v)).isNotBlank());
        Stream.of(ServiceItem.HandlingType.values()).forEach(v -> assertThat(m.of("handlingType", v)).isNotBlank());
        Stream.of(ServiceItem.Material.MaterialForm.values())
                .forEach(v -> assertThat(m.of("materialForm", v)).isNotBlank());
        Stream.of(ServiceItem.Result.ResultType.values()).forEach(v -> assertThat(m.of("resultType", v)).isNotBlank());
        Stream.of(ServiceItem.TimeLimit.Unit.values())
                .forEach(v -> assertThat(m.get("unit." + v.name(), 3)).contains("3"));
    }

    /** Each way a card fails has its own message in every language: the citizen can tell what to do. */
    @ParameterizedTest
    @EnumSource(Language.class)
    void everyCardProblemReadsDifferently(Language language) {
        Messages m = new Messages(language);
        java.util.List<String> problems = java.util.List.of("identify.error.unreadable", "identify.error.removed",
                "identify.error.expired", "identify.error.wrongType", "identify.error.reader");
        assertThat(problems.stream().map(m::get).distinct()).as(language.tag()).hasSameSizeAs(problems);
    }

    @org.junit.jupiter.api.Test
    void switchingLanguageChangesTheText() {
        Messages m = new Messages(Language.ZH_CN);
        assertThat(m.get("shell.home")).isEqualTo("首页");
        m.languageProperty().set(Language.ZH_TW);
        assertThat(m.get("shell.home")).isEqualTo("首頁");
        m.languageProperty().set(Language.EN);
        assertThat(m.get("home.itemCount", 12)).isEqualTo("12 services");
    }

    /** The CJK font draws curly quotes full-width: English text shows ASCII ones, Chinese keeps its own. */
    @org.junit.jupiter.api.Test
    void englishShowsPlainQuotesChineseKeepsItsOwn() {
        Messages m = new Messages(Language.EN);
        assertThat(m.get("progress.live")).contains("department's").doesNotContain("’");
        assertThat(m.get("consent.body", "Lost social security card")).contains("\"Lost social security card\"")
                .doesNotContain("“", "”");
        m.languageProperty().set(Language.ZH_CN);
        assertThat(m.get("consent.body", "社会保障卡挂失")).contains("“社会保障卡挂失”");
    }

    private static Set<String> placeholders(String pattern) {
        return java.util.regex.Pattern.compile("\\{\\d+}").matcher(pattern).results()
                .map(java.util.regex.MatchResult::group).collect(java.util.stream.Collectors.toSet());
    }
}
