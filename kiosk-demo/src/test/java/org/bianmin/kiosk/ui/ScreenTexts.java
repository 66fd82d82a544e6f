package org.bianmin.kiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javafx.scene.control.TextInputControl;
import org.bianmin.device.idcard.CardFiles;
import org.bianmin.device.idcard.IdNumbers;
import org.bianmin.device.idcard.IdentityCard;
import org.bianmin.kiosk.app.Kiosk;
import org.bianmin.kiosk.browse.ItemListViewModel;
import org.bianmin.kiosk.config.KioskConfig;
import org.bianmin.kiosk.i18n.Content;
import org.bianmin.kiosk.i18n.Language;
import org.bianmin.kiosk.i18n.Messages;
import org.bianmin.kiosk.journey.IdentifyViewModel;
import org.bianmin.kiosk.journey.RatingViewModel;
import org.bianmin.kiosk.journey.ReceiptViewModel;
import org.bianmin.protocol.api.RatingReason;

/**
 * What each screen of a {@link CitizenWalk} says in a language: its chrome is that language's text, no text of
 * another language's bundle shows; in English no Chinese shows and in 繁體 no simplified-only character, catalogue
 * content included, outside the citizen's own card data (see {@link #assertIn}).
 */
final class ScreenTexts {

    private final Kiosk kiosk;
    private final CitizenWalk walk;
    private final IdentityCard.Resident card;
    /** Texts that are Chinese by nature, whatever the language: the card's data and the switch's names. */
    private final Set<String> data = new HashSet<>();
    /** The Chinese ones, longest first, to take out of a text before looking for Chinese in it. */
    private final List<String> chineseData;

    ScreenTexts(Kiosk kiosk, CitizenWalk walk) throws CardFiles.CardFileException {
        this.kiosk = kiosk;
        this.walk = walk;
        this.card = (IdentityCard.Resident) CardFiles.sample(CardFiles.SAMPLES.getFirst());
        data.addAll(List.of(card.name(), card.nation(), card.address(), card.issuer()));
        Arrays.stream(Language.values()).map(Language::label).forEach(data::add);
        chineseData = data.stream().filter(SceneGraph::hasCjk).sorted(Comparator.comparingInt(String::length)
                .reversed()).toList();
    }

    /**
     * On {@code stop}, in {@code language}: the screen's chrome is this language's text; no visible text that is not
     * card data is another language's text for the same key; with the card's data taken out of a text (and of a
     * field's prompt), in English no CJK character remains and in 繁體 no character Taiwan's Big5 lacks (证, 办).
     * Catalogue content is not exempt: tiles, item names, the hall, form labels, hints and choices are translated.
     */
    void assertIn(Language language, CitizenWalk.Stop stop) {
        Messages m = new Messages(language);
        List<String> texts = walk.touch().texts();
        // Prompts other than the screen's own (the search prompt's 社保卡 is an example of Chinese input): form hints.
        Set<String> chromePrompts = prompts(stop).stream().map(m::get).collect(Collectors.toSet());
        List<String> prompts = walk.touch().visible(TextInputControl.class).stream()
                .map(TextInputControl::getPromptText).filter(p -> p != null && !p.isEmpty())
                .filter(p -> !chromePrompts.contains(p)).toList();
        String where = stop + " in " + language.tag();
        assertThat(texts).as(where).contains(expected(m, stop).toArray(String[]::new));
        prompts(stop).forEach(p -> assertThat(walk.touch().visible(TextInputControl.class)).as(where + " prompt")
                .anyMatch(field -> m.get(p).equals(field.getPromptText())));
        Set<String> foreign = foreign(language);
        List<String> chrome = texts.stream().filter(t -> !data.contains(t)).toList();
        assertThat(chrome).as(where + ": text of another language").noneMatch(foreign::contains);
        List<String> read = Stream.concat(chrome.stream(), prompts.stream()).map(this::withoutData).toList();
        if (language == Language.EN) {
            assertThat(read).as(where + ": Chinese outside the card's data").noneMatch(SceneGraph::hasCjk);
        }
        if (language == Language.ZH_TW) {
            assertThat(read).as(where + ": simplified-only characters outside the card's data")
                    .noneMatch(ScreenTexts::hasSimplifiedOnly);
        }
    }

    /** A Han character Taiwan's Big5 charset lacks is simplified-only (证, 办); Traditional ones are all in it. */
    static boolean hasSimplifiedOnly(String text) {
        var big5 = Charset.forName("Big5").newEncoder();
        return text.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN
                && !big5.canEncode(Character.toString(cp)));
    }

    private String withoutData(String text) {
        String rest = text;
        for (String d : chineseData) {
            if (!SceneGraph.hasCjk(rest)) {
                break;
            }
            rest = rest.replace(d, " ");
        }
        return rest;
    }

    /** Values of the other languages' bundles that differ from this language's for the same key (no arguments). */
    private static Set<String> foreign(Language language) {
        ResourceBundle own = bundle(language);
        Set<String> foreign = new HashSet<>();
        for (Language other : Language.values()) {
            ResourceBundle bundle = bundle(other);
            for (String key : own.keySet()) {
                String value = bundle.getString(key);
                if (other != language && !value.contains("{") && !value.equals(own.getString(key))) {
                    foreign.add(value);
                }
            }
        }
        return foreign;
    }

    private static ResourceBundle bundle(Language language) {
        return ResourceBundle.getBundle("org.bianmin.kiosk.i18n.messages", language.locale(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** The texts the screen must show in this language, besides the frame's. */
    private List<String> expected(Messages m, CitizenWalk.Stop stop) {
        List<String> keys = switch (stop) {
            case HOME -> List.of("home.welcome", "home.departments", "home.topics", "home.search.button",
                    "home.progress");
            case ITEM_LIST, SEARCH -> List.of("list.kioskBadge");
            case ITEM_DETAIL -> List.of("detail.section.basic", "detail.section.conditions",
                    "detail.section.materials", "detail.section.time", "detail.section.where", "detail.section.basis",
                    "detail.fee", "detail.kiosk.yes", "detail.apply");
            case IDENTIFY -> List.of("identify.place", "identify.eid");
            case FORM_OPENED, FORM -> List.of("form.intro", "form.next", "keypad.backspace", "keypad.clear");
            case CONSENT -> List.of("consent.title", "consent.agree", "consent.decline");
            case REVIEW -> List.of("review.title", "review.item", "review.submit", "card.gender." + card.gender());
            case RECEIPT -> List.of("receipt.title", "receipt.number", "receipt.scanHint", "receipt.takeCard",
                    "receipt.finish");
            case RATING -> List.of("rating.title", "rating.intro", "rating.reasons", "rating.submit", "rating.skip",
                    "keypad.pinyinHint");
            case PROGRESS -> List.of("progress.title", "progress.lookup", "progress.cardHint", "progress.live",
                    "receipt.takeCard", "keypad.backspace");
            case IDLE_DIALOG -> List.of("idle.title", "idle.continue");
        };
        List<String> texts = new ArrayList<>(keys.stream().map(m::get).toList());
        var hall = kiosk.catalogue().hall();
        texts.addAll(List.of(m.get("app.title"), m.show(Content.name(hall)) + " · " + m.get("app.subtitle"),
                m.get("shell.help", hall.phone()), m.get("shell.kioskId", KioskConfig.defaults().kioskId()),
                m.get("shell.back"), m.get("shell.home"), m.get("shell.elder.on"),
                m.get("demo.label"), m.get("demo.placeCard"), m.get("demo.removeCard"), m.get("demo.scanEid"),
                m.get("demo.disconnect")));
        var screen = kiosk.navigator().current();
        texts.addAll(switch (stop) {
            case HOME -> List.of(m.get("home.catalogueVersion", kiosk.catalogue().version()));
            case ITEM_LIST -> List.of(m.get("list.count", ((ItemListViewModel) screen).rows().size()));
            case SEARCH -> List.of(m.get("search.title", CitizenWalk.QUERY));
            case IDENTIFY -> List.of(m.get("identify.accepted", ((IdentifyViewModel) screen).acceptedCards().stream()
                    .map(c -> m.of("card", c)).collect(Collectors.joining(" / "))));
            case FORM_OPENED, FORM -> List.of(m.get("card.gender." + card.gender()) + "  " + m.get("form.fromCard"));
            case CONSENT -> List.of(m.get("consent.body", m.show(Content.name(walk.item()))));
            case RECEIPT -> List.of(m.of("receipt.paper", ((ReceiptViewModel) screen).paperProperty().get()),
                    ((ReceiptViewModel) screen).status().text(m.language().locale()));
            case RATING -> Stream.concat(
                    Arrays.stream(RatingViewModel.Level.values()).map(l -> m.of("rating.level", l)),
                    Arrays.stream(RatingReason.values()).map(r -> m.of("rating.reason", r))).toList();
            case PROGRESS -> List.of(m.get("progress.holder.title", IdNumbers.mask(card.idNumber())));
            case IDLE_DIALOG -> List.of(m.get("idle.message", KioskConfig.defaults().idleCountdownSeconds()));
            default -> List.of();
        });
        return texts;
    }

    /** The prompt keys of the screen's text fields. */
    private static List<String> prompts(CitizenWalk.Stop stop) {
        return switch (stop) {
            case HOME, SEARCH -> List.of("home.search.prompt");
            case RATING -> List.of("rating.comment");
            case PROGRESS -> List.of("progress.prompt");
            default -> List.of();
        };
    }
}
