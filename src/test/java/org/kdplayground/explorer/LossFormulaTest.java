package org.kdplayground.explorer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.kdplayground.math.DistillationLoss;
import org.kdplayground.math.SoftScaling;

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
}
