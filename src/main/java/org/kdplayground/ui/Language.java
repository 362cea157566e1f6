package org.kdplayground.ui;

import java.util.Locale;

/** The languages the app speaks. Each names itself in its own language, so a lost user can find theirs. */
public enum Language {
    ENGLISH("en", Locale.ENGLISH, "English"),
    CHINESE_SIMPLIFIED("zh-CN", Locale.SIMPLIFIED_CHINESE, "简体中文");

    private final String tag;
    private final Locale locale;
    private final String nativeName;

    Language(String tag, Locale locale, String nativeName) {
        this.tag = tag;
        this.locale = locale;
        this.nativeName = nativeName;
    }

    /** The BCP 47 tag stored in the settings file. */
    public String tag() {
        return tag;
    }

    public Locale locale() {
        return locale;
    }

    public String nativeName() {
        return nativeName;
    }

    public boolean isCjk() {
        return this == CHINESE_SIMPLIFIED;
    }

    /** The language for a stored tag, or for the system locale when the tag is unknown or absent. */
    public static Language fromTag(String tag, Locale systemLocale) {
        for (Language language : values()) {
            if (language.tag.equalsIgnoreCase(String.valueOf(tag))) {
                return language;
            }
        }
        return "zh".equals(systemLocale.getLanguage()) ? CHINESE_SIMPLIFIED : ENGLISH;
    }
}
