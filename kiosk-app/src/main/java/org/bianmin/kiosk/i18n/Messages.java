package org.bianmin.kiosk.i18n;

import java.text.MessageFormat;
import java.util.List;
import java.util.ResourceBundle;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.bianmin.protocol.text.TraditionalChinese;

/**
 * UI text in the current language, from the {@code messages_*.properties} bundles (UTF-8). Views re-render when
 * {@link #languageProperty()} changes, so switching keeps the journey's place.
 */
public final class Messages {

    static final String BUNDLE = "org.bianmin.kiosk.i18n.messages";

    private final ObjectProperty<Language> language;
    private Language loaded;
    private ResourceBundle bundle;

    public Messages(Language initial) {
        language = new SimpleObjectProperty<>(initial);
    }

    static ResourceBundle load(Language language) {
        // No fallback chain: a key missing in one language must not silently show another language.
        return ResourceBundle.getBundle(BUNDLE, language.locale(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public ObjectProperty<Language> languageProperty() {
        return language;
    }

    public Language language() {
        return language.get();
    }

    public String get(String key, Object... args) {
        String pattern = bundle().getString(key);
        String text = args.length == 0 ? pattern : new MessageFormat(pattern, language.get().locale()).format(args);
        // The kiosk's font is a CJK one, whose curly quotes are full-width ("department’ s"): English shows the
        // ASCII ones. The bundle keeps ’ because a plain ' is MessageFormat's quote character.
        return language.get() == Language.EN ? text.replace('’', '\'').replace('‘', '\'').replace('“', '"')
                .replace('”', '"') : text;
    }

    /**
     * The bundle of the language now set, loaded on first use: text asked for by a binding or listener that runs
     * before any other listener of the switch is already in the new language.
     */
    private ResourceBundle bundle() {
        Language now = language.get();
        if (now != loaded) {
            bundle = load(now);
            loaded = now;
        }
        return bundle;
    }

    /**
     * Catalogue content in the current language: zh-CN as published; 繁體 converted phrase by phrase
     * ({@link TraditionalChinese}); English as the catalogue carries it, else the Chinese.
     */
    public String show(Content content) {
        return switch (language.get()) {
            case ZH_CN -> content.chinese();
            case ZH_TW -> TraditionalChinese.of(content.chinese());
            case EN -> content.english() == null || content.english().isBlank() ? content.chinese()
                    : content.english();
        };
    }

    public List<String> show(List<Content> contents) {
        return contents.stream().map(this::show).toList();
    }

    /** The label of an enum constant, under key {@code <prefix>.<CONSTANT>}. */
    public String of(String prefix, Enum<?> value) {
        return get(prefix + "." + value.name());
    }
}
