package org.kdplayground.ui;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import javafx.scene.text.Font;

/**
 * Picks the font family for a language from those installed. Chinese needs a CJK family first, or Linux draws
 * boxes: Microsoft YaHei on Windows, PingFang SC on macOS, Noto Sans CJK SC or WenQuanYi Micro Hei on Linux.
 * Latin text keeps the platform's UI font.
 */
public final class FontPolicy {

    /** In order of preference; the first one installed wins. */
    public static final List<String> CJK_FAMILIES = List.of(
            "Microsoft YaHei", "Microsoft YaHei UI", "PingFang SC", "Hiragino Sans GB",
            "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "WenQuanYi Zen Hei");

    /** The family JavaFX maps to the platform's UI font. */
    public static final String SYSTEM = "System";

    private final Set<String> installed;

    public FontPolicy(Collection<String> installedFamilies) {
        this.installed = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        this.installed.addAll(installedFamilies);
    }

    public static FontPolicy ofSystem() {
        return new FontPolicy(Font.getFamilies());
    }

    public String familyFor(Language language) {
        if (language.isCjk()) {
            for (String family : CJK_FAMILIES) {
                if (installed.contains(family)) {
                    return family;
                }
            }
        }
        return SYSTEM;
    }

    /** Whether the system has a family that can draw Chinese; the app warns once when it has none. */
    public boolean hasCjkFont() {
        return CJK_FAMILIES.stream().anyMatch(installed::contains);
    }
}
