package org.kdplayground.explorer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kdplayground.explorer.ClassLogits.Role;
import org.kdplayground.math.DistillationLoss;
import org.kdplayground.math.LossBreakdown;
import org.kdplayground.math.SoftScaling;
import org.kdplayground.ui.I18n;
import org.kdplayground.ui.Language;

class ExplorerModelTest {

    private final I18n i18n = new I18n(Language.ENGLISH);
    private final ExplorerModel model = new ExplorerModel(i18n);

    @Test
    void defaultsAreTheSeedsExampleAtTemperatureFourAndHalfAlpha() {
        assertThat(model.getTemperature()).isEqualTo(4.0);
        assertThat(model.getAlpha()).isEqualTo(0.5);
        assertThat(model.scaling()).isEqualTo(SoftScaling.T_SQUARED);
        assertThat(model.getLogits().teacher()).containsExactly(2.0, 1.0, 0.5, 0.1, -0.5);
        assertThat(model.getLogits().names()).isEqualTo(List.of("0", "1", "2", "3", "4"));
        assertThat(model.gridTemperaturesProperty().get()).containsExactly(1, 2, 4, 8);
        assertThat(model.getMessage()).isEmpty();
    }

    @Test
    void breakdownEqualsDistillationLossAfterChangingTemperatureAlphaLogitsAndLabel() {
        model.setTemperature(2.5);
        model.setAlpha(0.3);
        model.setLogit(Role.STUDENT, 2, 3.25);
        model.setLogit(Role.TEACHER, 4, -1.5);
        model.labelProperty().set(3);

        ClassLogits logits = model.getLogits();
        LossBreakdown expected = DistillationLoss.compute(logits.student(), logits.teacher(), 3, 2.5, 0.3);
        assertThat(model.getBreakdown()).isEqualTo(expected);
        assertThat(logits.student()[2]).isEqualTo(3.25);
        assertThat(logits.teacher()[4]).isEqualTo(-1.5);
    }

    @Test
    void breakdownFollowsEachChangeOfTemperature() {
        double before = model.getBreakdown().total();
        model.setTemperature(9);
        assertThat(model.getBreakdown().temperature()).isEqualTo(9);
        assertThat(model.getBreakdown().total()).isNotEqualTo(before);
    }

    @Test
    void temperatureAndAlphaAreKeptInRange() {
        model.setTemperature(1000);
        assertThat(model.getTemperature()).isEqualTo(100);
        model.setTemperature(0.001);
        assertThat(model.getTemperature()).isEqualTo(0.1);
        model.setAlpha(2);
        assertThat(model.getAlpha()).isEqualTo(1);
    }

    @Test
    void seedPresetRestoresTheSeedsLogits() {
        model.setLogit(Role.TEACHER, 0, 7);
        model.addClass();
        model.applyPreset(Preset.NOTEBOOK);
        assertThat(model.getLogits().teacher()).containsExactly(2.0, 1.0, 0.5, 0.1, -0.5);
        assertThat(model.getLogits().student()).containsExactly(1.0, 1.5, 0.2, 0.3, -0.5);
        assertThat(model.getLabel()).isZero();
    }

    @Test
    void confidentTeacherPutsTenOnTheTrueClass() {
        model.labelProperty().set(2);
        model.applyPreset(Preset.CONFIDENT_TEACHER);
        assertThat(model.getLogits().teacher()).containsExactly(0.0, -2.0 / 3, 10.0, -4.0 / 3, -2.0);
        assertThat(model.getLogits().student()).containsExactly(Preset.NOTEBOOK_STUDENT);
    }

    @Test
    void uncertainTeacherIsNearlyFlat() {
        model.applyPreset(Preset.UNCERTAIN_TEACHER);
        assertThat(model.getLogits().teacher()).containsExactly(0.5, 0.3, 0.2, 0.1, 0.0);
    }

    @Test
    void studentEqualsTeacherMakesKlAndSoftGradientZero() {
        model.applyPreset(Preset.STUDENT_EQUALS_TEACHER);
        assertThat(model.getLogits().student()).containsExactly(model.getLogits().teacher());
        assertThat(model.getBreakdown().kl()).isEqualTo(0.0);
        assertThat(Arrays.stream(model.getGradient().soft()).map(Math::abs).max().orElseThrow()).isEqualTo(0.0);
    }

    @Test
    void randomDrawIsReproducibleWithItsSeed() {
        model.setRandomSeed(42);
        model.applyPreset(Preset.RANDOM);
        ClassLogits first = model.getLogits();
        model.applyPreset(Preset.RANDOM);
        assertThat(model.getLogits()).isNotEqualTo(first);

        ExplorerModel other = new ExplorerModel(i18n);
        other.setRandomSeed(42);
        other.applyPreset(Preset.RANDOM);
        assertThat(other.getLogits()).isEqualTo(first);
        assertThat(first.classes()).isEqualTo(5);
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "", "1,5", "NaN", "Infinity", "1e", "0x10", "2f"})
    void invalidLogitTextKeepsTheLastValidValueAndSetsAMessage(String text) {
        assertThat(model.setLogit(Role.TEACHER, 1, text)).isFalse();
        assertThat(model.getLogits().teacher()[1]).isEqualTo(1.0);
        assertThat(model.getMessage()).contains("is not a number");
    }

    @Test
    void logitBeyondTheLimitIsRefused() {
        assertThat(model.setLogit(Role.STUDENT, 0, "20000")).isFalse();
        assertThat(model.getLogits().student()[0]).isEqualTo(1.0);
        assertThat(model.getMessage()).contains("between −10000 and 10000");
    }

    @Test
    void validLogitTextIsTakenAndClearsTheMessage() {
        model.setLogit(Role.TEACHER, 1, "oops");
        assertThat(model.setLogit(Role.TEACHER, 1, " −2.5e0 ")).isTrue();
        assertThat(model.getLogits().teacher()[1]).isEqualTo(-2.5);
        assertThat(model.getMessage()).isEmpty();
    }

    @Test
    void messageFollowsTheLanguage() {
        model.setLogit(Role.TEACHER, 1, "oops");
        i18n.setLanguage(Language.CHINESE_SIMPLIFIED);
        assertThat(model.getMessage()).isEqualTo("“oops”不是数字，仍保留上一个有效值。");
    }

    @Test
    void typedTemperatureOutsideTheRangeIsRefused() {
        assertThat(model.setTemperature("0.05")).isFalse();
        assertThat(model.setTemperature("warm")).isFalse();
        assertThat(model.getTemperature()).isEqualTo(4.0);
        assertThat(model.getMessage()).contains("0.1 to 100");
        assertThat(model.setTemperature("12.5")).isTrue();
        assertThat(model.getTemperature()).isEqualTo(12.5);
    }

    @Test
    void classesCanBeAddedUpToTwentyAndRemovedDownToTwo() {
        while (model.getLogits().classes() < 20) {
            assertThat(model.addClass()).isTrue();
        }
        assertThat(model.addClass()).isFalse();
        assertThat(model.getLogits().classes()).isEqualTo(20);
        assertThat(model.getMessage()).contains("at most 20");
        assertThat(model.getLogits().names().get(19)).isEqualTo("19");

        while (model.getLogits().classes() > 2) {
            assertThat(model.removeClass()).isTrue();
        }
        assertThat(model.removeClass()).isFalse();
        assertThat(model.getLogits().classes()).isEqualTo(2);
        assertThat(model.getMessage()).contains("at least 2");
    }

    @Test
    void removingTheTrueClassMovesTheLabelIntoRange() {
        model.labelProperty().set(4);
        model.removeClass();
        assertThat(model.getLabel()).isEqualTo(3);
        assertThat(model.getBreakdown().label()).isEqualTo(3);
    }

    @Test
    void pasteOfAThousandValuesReplacesOneSideAndResizesTheOther() {
        String list = IntStream.range(0, 1000).mapToObj(i -> Double.toString(Math.sin(i)))
                .collect(Collectors.joining(", "));
        assertThat(model.paste(Role.TEACHER, list)).isTrue();
        assertThat(model.getLogits().classes()).isEqualTo(1000);
        assertThat(model.getLogits().teacher()[999]).isEqualTo(Math.sin(999));
        assertThat(model.getLogits().student()[1]).isEqualTo(1.5);
        assertThat(model.getLogits().student()[999]).isEqualTo(0.0);
        assertThat(model.getBreakdown().classes()).isEqualTo(1000);
        assertThat(model.getMessage()).isEmpty();
    }

    @Test
    void pasteOfAThousandAndOneValuesIsRefusedWithAMessage() {
        String list = IntStream.range(0, 1001).mapToObj(Integer::toString).collect(Collectors.joining(","));
        assertThat(model.paste(Role.STUDENT, list)).isFalse();
        assertThat(model.getLogits().classes()).isEqualTo(5);
        assertThat(model.getMessage()).isEqualTo("At most 1,000 values can be pasted; this list has 1,001.");
    }

    @Test
    void pasteWithABadItemNamesItAndChangesNothing() {
        assertThat(model.paste(Role.STUDENT, "1, 2, x, 4")).isFalse();
        assertThat(model.getMessage()).contains("Item 3").contains("“x”");
        assertThat(model.getLogits().student()).containsExactly(Preset.NOTEBOOK_STUDENT);
    }

    @Test
    void pasteAcceptsBracketsAndChineseCommas() {
        assertThat(model.paste(Role.STUDENT, "[3，2，1]")).isTrue();
        assertThat(model.getLogits().student()).containsExactly(3, 2, 1);
        assertThat(model.getLogits().teacher()).containsExactly(2.0, 1.0, 0.5);
    }

    @Test
    void droppingTSquaredDividesTheSoftGradientByTSquared() {
        model.setTemperature(5);
        GradientInfo with = model.getGradient();
        model.softScaledByTSquaredProperty().set(false);
        GradientInfo without = model.getGradient();
        for (int i = 0; i < with.classes(); i++) {
            assertThat(without.soft()[i] * 25).isCloseTo(with.soft()[i], within(1e-15));
            assertThat(without.hard()[i]).isEqualTo(with.hard()[i]);
            assertThat(without.total()[i]).isCloseTo(without.hard()[i] + without.soft()[i], within(1e-15));
        }
        assertThat(without.scale()).isCloseTo(with.scale(), within(1e-12));
        assertThat(model.getBreakdown().soft()).isEqualTo(model.getBreakdown().kl());
    }

    @Test
    void gridTemperaturesAreParsedAndBadListsRefused() {
        assertThat(model.setGridTemperatures("0.5, 1, 3")).isTrue();
        assertThat(model.gridTemperaturesProperty().get()).containsExactly(0.5, 1, 3);
        assertThat(model.setGridTemperatures("1, 200")).isFalse();
        assertThat(model.setGridTemperatures("1,2,3,4,5,6,7,8,9")).isFalse();
        assertThat(model.gridTemperaturesProperty().get()).containsExactly(0.5, 1, 3);
    }

    @Test
    void curvesSpanTheLogAxisAndAgreeWithTheLossAtTheirPoints() {
        TemperatureCurves curves = model.getCurves();
        assertThat(curves.temperatures()[0]).isCloseTo(0.1, within(1e-12));
        assertThat(curves.temperatures()[TemperatureCurves.POINTS - 1]).isCloseTo(100, within(1e-9));
        assertThat(curves.entropy()[TemperatureCurves.POINTS - 1]).isCloseTo(Math.log(5), within(1e-3));
        int atOne = (TemperatureCurves.POINTS - 1) / 3;
        model.setTemperature(curves.temperatures()[atOne]);
        assertThat(curves.kl()[atOne]).isCloseTo(model.getBreakdown().kl(), within(1e-12));
    }
}
