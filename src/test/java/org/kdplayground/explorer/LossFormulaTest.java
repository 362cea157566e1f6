package org.kdplayground.explorer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.kdplayground.math.DecoupledKd;
import org.kdplayground.math.DecoupledKdLoss;
import org.kdplayground.math.DistillationLoss;
import org.kdplayground.math.LossBreakdown;
import org.kdplayground.math.SoftScaling;
import org.kdplayground.math.StandardizedKdLoss;
import org.kdplayground.ui.NumberFormats;

class LossFormulaTest {

    @Test
    void texFillsInTheValuesWithTSquared() {
        String tex = LossFormula.tex(DistillationLoss.compute(Preset.NOTEBOOK_STUDENT, Preset.NOTEBOOK_TEACHER, 0, 4, 0.5));
        assertThat(tex).contains("T^2").contains("= 0.5 \\cdot 1.340 + 0.5 \\cdot 16 \\cdot 0.009724")
                .contains("\\mathbf{0.7476}");
    }

    @Test
    void texDropsTSquaredWhenSwitchedOffAndWritesSmallNumbersAsPowersOfTen() {
        double[] student = {1, 0};
        double[] teacher = {1.00001, 0};
        String tex = LossFormula.tex(DistillationLoss.compute(student, teacher, 0, 4, 0.25, SoftScaling.NONE));
        assertThat(tex).doesNotContain("T^2").contains("\\times 10^{-");
    }

    @Test
    void dkdShowsItsThreeWeightedPartsEachDivergenceTimesTSquared() {
        ClassLogits logits = new ClassLogits(List.of("0", "1", "2", "3", "4"), Preset.NOTEBOOK_TEACHER,
                Preset.NOTEBOOK_STUDENT);
        LossBreakdown hinton = DistillationLoss.compute(Preset.NOTEBOOK_STUDENT, Preset.NOTEBOOK_TEACHER, 0, 4, 0.5);
        MethodLoss loss = MethodLoss.dkd(hinton, logits, 0, new DkdWeights(1, 1, 8));
        DecoupledKd.Parts parts = DecoupledKd.decompose(Preset.NOTEBOOK_STUDENT, Preset.NOTEBOOK_TEACHER, 0, 4);
        DecoupledKdLoss.Result result = DecoupledKdLoss.compute(Preset.NOTEBOOK_STUDENT, Preset.NOTEBOOK_TEACHER, 0,
                4, 1, 1, 8);

        String tex = LossFormula.tex(loss, hinton);

        assertThat(tex).contains("w_{\\mathrm{ce}}\\,\\mathrm{CE}(y,\\,p_s) + \\alpha\\,T^2\\,\\mathrm{TCKD}"
                + " + \\beta\\,T^2\\,\\mathrm{NCKD}")
                .contains("= 1 \\cdot 1.340 + 1 \\cdot 16 \\cdot " + NumberFormats.significant(parts.tckd())
                        + " + 8 \\cdot 16 \\cdot " + NumberFormats.significant(parts.nckd()))
                .contains("\\mathbf{" + NumberFormats.significant(result.total()) + "}")
                .doesNotContain("KL(p_t");
    }

    @Test
    void lskdShowsTheStandardisedLogitsInsideTheKl() {
        ClassLogits logits = new ClassLogits(List.of("0", "1", "2", "3", "4"), Preset.NOTEBOOK_TEACHER,
                Preset.NOTEBOOK_STUDENT);
        LossBreakdown hinton = DistillationLoss.compute(Preset.NOTEBOOK_STUDENT, Preset.NOTEBOOK_TEACHER, 0, 4, 0.5);
        MethodLoss loss = MethodLoss.lskd(logits, 0, 4, 0.5);
        StandardizedKdLoss.Result result = StandardizedKdLoss.compute(Preset.NOTEBOOK_STUDENT,
                Preset.NOTEBOOK_TEACHER, 0, 4, 0.5);

        String tex = LossFormula.tex(loss, hinton);

        assertThat(tex).contains("\\mathrm{KL}\\big(\\sigma(\\hat z_t/T) \\,\\|\\, \\sigma(\\hat z_s/T)\\big)")
                .contains("\\hat z = (z - \\mathrm{mean})/\\mathrm{sd}")
                .contains("= 0.5 \\cdot 1.340 + 0.5 \\cdot 16 \\cdot "
                        + NumberFormats.significant(result.soft() / 16))
                .contains("\\mathbf{" + NumberFormats.significant(result.total()) + "}");
    }

    @Test
    void hintonsFormulaIsTheSameWhicheverWayItIsAskedFor() {
        LossBreakdown hinton = DistillationLoss.compute(Preset.NOTEBOOK_STUDENT, Preset.NOTEBOOK_TEACHER, 0, 4, 0.5);
        assertThat(LossFormula.tex(MethodLoss.hinton(hinton), hinton)).isEqualTo(LossFormula.tex(hinton));
    }
}
