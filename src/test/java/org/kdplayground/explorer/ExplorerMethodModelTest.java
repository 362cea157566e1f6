package org.kdplayground.explorer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kdplayground.engine.loss.LossMethod;
import org.kdplayground.engine.loss.LossPart;
import org.kdplayground.explorer.ClassLogits.Role;
import org.kdplayground.io.Workspace;
import org.kdplayground.math.DecoupledKd;
import org.kdplayground.math.DecoupledKdLoss;
import org.kdplayground.math.DistillationLoss;
import org.kdplayground.math.LossBreakdown;
import org.kdplayground.math.Softmax;
import org.kdplayground.math.StandardizedKdLoss;
import org.kdplayground.ui.I18n;
import org.kdplayground.ui.Language;

/** The explorer's loss choice: each method's loss and gradient are the exact math's, and its weights are checked. */
class ExplorerMethodModelTest {

    private final I18n i18n = new I18n(Language.ENGLISH);
    private final ExplorerModel model = new ExplorerModel(i18n);

    @BeforeEach
    void anExampleOffTheDefaults() {
        model.setTemperature(2.5);
        model.setAlpha(0.3);
        model.setLogit(Role.STUDENT, 2, 3.25);
        model.setLogit(Role.TEACHER, 4, -1.5);
        model.labelProperty().set(3);
    }

    @Test
    void hintonIsTheDefaultWithMdistillersDkdWeights() {
        ExplorerModel fresh = new ExplorerModel(i18n);
        assertThat(fresh.lossChoice().getMethod()).isEqualTo(LossMethod.HINTON);
        assertThat(fresh.lossChoice().getDkdWeights()).isEqualTo(new DkdWeights(1, 1, 8));
        assertThat(fresh.getTotalLoss()).isEqualTo(fresh.getBreakdown().total());
    }

    @Test
    void hintonLossAndGradientAreDistillationLoss() {
        ClassLogits logits = model.getLogits();
        LossBreakdown expected = DistillationLoss.compute(logits.student(), logits.teacher(), 3, 2.5, 0.3);
        assertThat(model.getTotalLoss()).isEqualTo(expected.total());
        assertThat(model.getLoss().terms()).containsExactly(
                new MethodLoss.Term(LossPart.HARD, 0.3, expected.hard(), expected.hard()),
                new MethodLoss.Term(LossPart.SOFT, 0.7, expected.soft(), expected.kl()));
        assertThat(model.getGradient().total()).containsExactly(expected.gradient());
    }

    @Test
    void dkdLossAndGradientAreDecoupledKdLoss() {
        model.lossChoice().methodProperty().set(LossMethod.DKD);
        assertThat(model.lossChoice().setCeWeight("0.5")).isTrue();
        assertThat(model.lossChoice().setDkdAlpha("2")).isTrue();
        assertThat(model.lossChoice().setDkdBeta("12")).isTrue();

        ClassLogits logits = model.getLogits();
        DecoupledKdLoss.Result expected = DecoupledKdLoss.compute(logits.student(), logits.teacher(), 3, 2.5, 0.5,
                2, 12);
        DecoupledKd.Parts parts = DecoupledKd.decompose(logits.student(), logits.teacher(), 3, 2.5);
        assertThat(model.getTotalLoss()).isEqualTo(expected.total());
        assertThat(model.getLoss().terms()).containsExactly(
                new MethodLoss.Term(LossPart.HARD, 0.5, expected.hard(), expected.hard()),
                new MethodLoss.Term(LossPart.TCKD, 2, expected.tckd(), parts.tckd()),
                new MethodLoss.Term(LossPart.NCKD, 12, expected.nckd(), parts.nckd()));
        GradientInfo gradient = model.getGradient();
        assertThat(gradient.total()).containsExactly(expected.grad());
        assertThat(gradient.parts()).extracting(GradientInfo.Part::part)
                .containsExactly(LossPart.HARD, LossPart.TCKD, LossPart.NCKD);
        assertThat(gradient.hasApprox()).isFalse();
        for (int i = 0; i < gradient.classes(); i++) {
            double sum = gradient.hard()[i] + gradient.part(LossPart.TCKD)[i] + gradient.part(LossPart.NCKD)[i];
            assertThat(sum).as("class %d", i).isCloseTo(expected.grad()[i], within(1e-12));
        }
        assertThat(gradient.part(LossPart.NCKD)[3]).as("NCKD leaves the true class alone").isZero();
    }

    @Test
    void dkdSoftProbabilitiesAreTheRawSoftmaxAtT() {
        model.lossChoice().methodProperty().set(LossMethod.DKD);
        assertThat(model.getLoss().teacherSoft()).containsExactly(Softmax.softmax(model.getLogits().teacher(), 2.5));
    }

    @Test
    void lskdLossAndGradientAreStandardizedKdLoss() {
        model.lossChoice().methodProperty().set(LossMethod.LSKD);
        ClassLogits logits = model.getLogits();
        StandardizedKdLoss.Result expected = StandardizedKdLoss.compute(logits.student(), logits.teacher(), 3, 2.5,
                0.3);
        assertThat(model.getTotalLoss()).isEqualTo(expected.total());
        MethodLoss loss = model.getLoss();
        assertThat(loss.term(LossPart.HARD).value()).isEqualTo(expected.hard());
        assertThat(loss.term(LossPart.SOFT).value()).isEqualTo(expected.soft());
        assertThat(loss.term(LossPart.SOFT).unscaled() * 2.5 * 2.5).isCloseTo(expected.soft(), within(1e-12));
        assertThat(loss.teacherSoft()).containsExactly(
                Softmax.softmax(StandardizedKdLoss.standardize(logits.teacher()), 2.5));

        GradientInfo gradient = model.getGradient();
        assertThat(gradient.total()).containsExactly(expected.grad());
        double softSum = Arrays.stream(gradient.soft()).sum();
        assertThat(softSum).as("through the standardisation the soft part sums to 0").isCloseTo(0, within(1e-12));
        for (int i = 0; i < gradient.classes(); i++) {
            assertThat(gradient.hard()[i] + gradient.soft()[i]).isCloseTo(expected.grad()[i], within(1e-12));
        }
    }

    @Test
    void lskdIgnoresTheLogitsScaleWhereHintonDoesNot() {
        model.lossChoice().methodProperty().set(LossMethod.LSKD);
        double before = model.getLoss().term(LossPart.SOFT).value();
        double hintonBefore = model.getBreakdown().soft();
        double[] teacher = model.getLogits().teacher();
        for (int i = 0; i < teacher.length; i++) {
            model.setLogit(Role.TEACHER, i, 3 * teacher[i] + 1);
        }
        // equal but for the ε = 1e-7 added to the standard deviation
        assertThat(model.getLoss().term(LossPart.SOFT).value()).isCloseTo(before, within(1e-6));
        assertThat(model.getBreakdown().soft()).isNotCloseTo(hintonBefore, within(1e-3));
    }

    @Test
    void minusOneForBetaIsRefusedAndTheLastValidValueStays() {
        model.lossChoice().methodProperty().set(LossMethod.DKD);
        model.lossChoice().setDkdBeta("12");
        double total = model.getTotalLoss();

        assertThat(model.lossChoice().setDkdBeta("-1")).isFalse();

        assertThat(model.lossChoice().dkdBetaProperty().get()).isEqualTo(12);
        assertThat(model.getTotalLoss()).isEqualTo(total);
        assertThat(model.getMessage())
                .isEqualTo("“-1” is not an NCKD weight β from 0 to 100; β stays as it was.");
        assertThat(model.lossChoice().setDkdBeta("20")).isTrue();
        assertThat(model.getMessage()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"100.5", "abc", "", "NaN", "1,5"})
    void otherBadBetasAreRefusedToo(String text) {
        assertThat(model.lossChoice().setDkdBeta(text)).isFalse();
        assertThat(model.lossChoice().dkdBetaProperty().get()).isEqualTo(8);
        assertThat(model.getMessage()).contains("β stays as it was");
    }

    @Test
    void ceWeightAndTckdWeightHaveTheRunsRanges() {
        assertThat(model.lossChoice().setCeWeight("10.5")).isFalse();
        assertThat(model.getMessage())
                .isEqualTo("“10.5” is not a CE weight w_ce from 0 to 10; w_ce stays as it was.");
        assertThat(model.lossChoice().setDkdAlpha("-0.1")).isFalse();
        assertThat(model.getMessage()).contains("from 0 to 100");
        assertThat(model.lossChoice().getDkdWeights()).isEqualTo(new DkdWeights(1, 1, 8));
        assertThat(model.lossChoice().setCeWeight("10")).isTrue();
        assertThat(model.lossChoice().setDkdAlpha("0")).isTrue();
        assertThat(model.lossChoice().getDkdWeights()).isEqualTo(new DkdWeights(10, 0, 8));
    }

    @Test
    void slidersAreKeptWithinTheRanges() {
        model.lossChoice().setDkdWeight(org.kdplayground.engine.NumericSetting.DKD_BETA, 250);
        model.lossChoice().setDkdWeight(org.kdplayground.engine.NumericSetting.CE_WEIGHT, -3);
        assertThat(model.lossChoice().getDkdWeights()).isEqualTo(new DkdWeights(0, 1, 100));
    }

    @Test
    void theMessageFollowsTheLanguage() {
        model.lossChoice().setDkdBeta("-1");
        i18n.setLanguage(Language.CHINESE_SIMPLIFIED);
        assertThat(model.getMessage()).isEqualTo("“-1”不是 0 到 100 之间的 NCKD 权重 β，β 保持不变。");
    }

    @Test
    void switchingMethodsLosesNoValue() {
        model.lossChoice().setDkdBeta("12.5");
        model.lossChoice().methodProperty().set(LossMethod.DKD);
        model.lossChoice().methodProperty().set(LossMethod.LSKD);
        model.lossChoice().methodProperty().set(LossMethod.HINTON);
        assertThat(model.getAlpha()).isEqualTo(0.3);
        assertThat(model.lossChoice().dkdBetaProperty().get()).isEqualTo(12.5);
        assertThat(model.getTemperature()).isEqualTo(2.5);
    }

    @Test
    void theWorkspaceKeepsTheMethodAndTheWeights() {
        model.lossChoice().methodProperty().set(LossMethod.DKD);
        model.lossChoice().setCeWeight("2");
        model.lossChoice().setDkdAlpha("0.5");
        model.lossChoice().setDkdBeta("16");
        Workspace.Explorer saved = model.snapshot();
        assertThat(List.of(saved.method(), saved.ceWeight(), saved.dkdAlpha(), saved.dkdBeta()))
                .isEqualTo(List.of(LossMethod.DKD, 2.0, 0.5, 16.0));

        ExplorerModel other = new ExplorerModel(i18n);
        other.restore(saved);
        assertThat(other.lossChoice().getMethod()).isEqualTo(LossMethod.DKD);
        assertThat(other.snapshot()).isEqualTo(saved);
        assertThat(other.getTotalLoss()).isEqualTo(model.getTotalLoss());
    }

    @Test
    void aStateWithoutALossShowsHintonsLoss() {
        model.lossChoice().methodProperty().set(LossMethod.LSKD);
        model.lossChoice().setDkdBeta("30");
        Workspace.Explorer now = model.snapshot();
        Workspace.Explorer old = new Workspace.Explorer(now.classNames(), now.teacher(), now.student(),
                now.trueClass(), now.temperature(), now.alpha(), now.softScaledByTSquared(), now.gridTemperatures());
        model.restore(old);
        assertThat(model.lossChoice().getMethod()).isEqualTo(LossMethod.HINTON);
        assertThat(model.lossChoice().getDkdWeights()).isEqualTo(new DkdWeights(1, 1, 8));
    }

    @Test
    void aStateWithAWeightOutOfRangeIsRejectedBeforeAnythingChanges() {
        Workspace.Explorer now = model.snapshot();
        Workspace.Explorer bad = new Workspace.Explorer(now.classNames(), now.teacher(), now.student(),
                now.trueClass(), now.temperature(), now.alpha(), now.softScaledByTSquared(), now.gridTemperatures(),
                LossMethod.DKD, 1, 1, 101);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> model.restore(bad));
        assertThat(e.getMessage()).contains("dkdBeta");
        assertThat(model.snapshot()).isEqualTo(now);
    }

    @Test
    void theWorkspaceInputsIncludeTheMethodAndTheWeights() {
        assertThat(model.workspaceInputs()).contains(model.lossChoice().methodProperty(), model.lossChoice().ceWeightProperty(),
                model.lossChoice().dkdAlphaProperty(), model.lossChoice().dkdBetaProperty(), model.temperatureProperty());
    }
}
