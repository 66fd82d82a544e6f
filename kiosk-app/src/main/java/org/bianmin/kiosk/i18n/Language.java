package org.bianmin.kiosk.i18n;

import java.util.Arrays;
import java.util.Locale;

/** The kiosk's UI languages; zh-CN is primary. {@code label} is how each names itself on the switch. */
public enum Language {
    ZH_CN("zh-CN", Locale.SIMPLIFIED_CHINESE, "简体"),
    ZH_TW("zh-TW", Locale.TRADITIONAL_CHINESE, "繁體"),
    EN("en", Locale.ENGLISH, "English");

    private final String tag;
    private final Locale locale;
    private final String label;

    Language(String tag, Locale locale, String label) {
        this.tag = tag;
        this.locale = locale;
        this.label = label;
    }

    public String tag() {
        return tag;
    }

    public Locale locale() {
        return locale;
    }

    public String label() {
        return label;
    }

    public static Language ofTag(String tag) {
        return Arrays.stream(values()).filter(l -> l.tag.equalsIgnoreCase(tag)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown language " + tag));
    }
}
