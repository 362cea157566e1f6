package org.kdplayground.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Both languages have the same keys, no empty text, and every key the code or FXML names exists. */
class BundleConsistencyTest {

    private static final Path MAIN = Path.of("src/main");
    private static final Pattern FXML_KEY = Pattern.compile("\\$\\{i18n\\.([A-Za-z0-9_]+)}");
    private static final Pattern JAVA_KEY = Pattern.compile(
            "(?:i18n\\.(?:text|format|formatNow|get)|new Invalid)\\(\\s*\"([a-z][a-z0-9_]*)\"");
    private static final Pattern ANY_LITERAL = Pattern.compile("\"([a-z][a-z0-9]*(?:_[a-z0-9]+)+)\"");

    @Test
    void englishAndChineseHaveTheSameKeys() {
        assertThat(keys(Language.CHINESE_SIMPLIFIED)).isEqualTo(keys(Language.ENGLISH));
    }

    @Test
    void noTextIsEmptyInEitherLanguage() {
        for (Language language : Language.values()) {
            ResourceBundle bundle = I18n.load(language);
            for (String key : bundle.keySet()) {
                assertThat(bundle.getString(key)).as("%s in %s", key, language).isNotBlank();
            }
        }
    }

    @Test
    void chineseTextsAreTranslatedNotCopied() {
        ResourceBundle english = I18n.load(Language.ENGLISH);
        ResourceBundle chinese = I18n.load(Language.CHINESE_SIMPLIFIED);
        Set<String> same = new TreeSet<>();
        for (String key : english.keySet()) {
            String text = english.getString(key);
            if (text.equals(chinese.getString(key)) && text.matches(".*[a-z]{3,}\\s+[a-z]{3,}.*")) {
                same.add(key);
            }
        }
        assertThat(same).as("English sentences left untranslated in Chinese").isEmpty();
    }

    @Test
    void everyKeyUsedInFxmlAndJavaExists() throws IOException {
        Set<String> known = keys(Language.ENGLISH);
        Set<String> used = usedKeys();
        assertThat(used).isNotEmpty();
        assertThat(known).containsAll(used);
    }

    @Test
    void everyKeyInTheBundlesIsUsed() throws IOException {
        Set<String> mentioned = new HashSet<>(usedKeys());
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java") || p.toString().endsWith(".tsv"))
                    .toList()) {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                Matcher literal = ANY_LITERAL.matcher(text);
                while (literal.find()) {
                    mentioned.add(literal.group(1));
                }
                text.lines().filter(line -> file.toString().endsWith(".tsv") && !line.startsWith("#"))
                        .map(line -> line.split("\t"))
                        .filter(cells -> cells.length > 2)
                        .forEach(cells -> mentioned.add(cells[2]));
            }
        }
        Set<String> unused = new TreeSet<>(keys(Language.ENGLISH));
        unused.removeAll(mentioned);
        assertThat(unused).as("keys no code or FXML uses").isEmpty();
    }

    private static Set<String> usedKeys() throws IOException {
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String name = file.toString();
                Pattern pattern = name.endsWith(".fxml") ? FXML_KEY : name.endsWith(".java") ? JAVA_KEY : null;
                if (pattern != null) {
                    Matcher matcher = pattern.matcher(Files.readString(file, StandardCharsets.UTF_8));
                    while (matcher.find()) {
                        used.add(matcher.group(1));
                    }
                }
            }
        }
        return used;
    }

    private static Set<String> keys(Language language) {
        return new TreeSet<>(I18n.load(language).keySet());
    }
}
