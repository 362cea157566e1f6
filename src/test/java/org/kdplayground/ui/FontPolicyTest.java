package org.kdplayground.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class FontPolicyTest {

    @Test
    void chinesePicksTheFirstInstalledCjkFamilyInPreferenceOrder() {
        FontPolicy linux = new FontPolicy(List.of("DejaVu Sans", "WenQuanYi Micro Hei", "Noto Sans CJK SC"));
        assertThat(linux.familyFor(Language.CHINESE_SIMPLIFIED)).isEqualTo("Noto Sans CJK SC");
        FontPolicy windows = new FontPolicy(List.of("Segoe UI", "microsoft yahei"));
        assertThat(windows.familyFor(Language.CHINESE_SIMPLIFIED)).isEqualTo("Microsoft YaHei");
        FontPolicy mac = new FontPolicy(List.of("Helvetica Neue", "PingFang SC"));
        assertThat(mac.familyFor(Language.CHINESE_SIMPLIFIED)).isEqualTo("PingFang SC");
    }

    @Test
    void englishKeepsTheSystemFont() {
        FontPolicy policy = new FontPolicy(List.of("Noto Sans CJK SC"));
        assertThat(policy.familyFor(Language.ENGLISH)).isEqualTo(FontPolicy.SYSTEM);
    }

    @Test
    void withoutCjkFontChineseFallsBackToSystemAndSaysSo() {
        FontPolicy policy = new FontPolicy(List.of("DejaVu Sans"));
        assertThat(policy.hasCjkFont()).isFalse();
        assertThat(policy.familyFor(Language.CHINESE_SIMPLIFIED)).isEqualTo(FontPolicy.SYSTEM);
    }

    @Test
    void languageFromTagFallsBackToSystemLocale() {
        assertThat(Language.fromTag("zh-CN", java.util.Locale.US)).isEqualTo(Language.CHINESE_SIMPLIFIED);
        assertThat(Language.fromTag(null, java.util.Locale.SIMPLIFIED_CHINESE))
                .isEqualTo(Language.CHINESE_SIMPLIFIED);
        assertThat(Language.fromTag("klingon", java.util.Locale.GERMANY)).isEqualTo(Language.ENGLISH);
    }
}
