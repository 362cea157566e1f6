package org.kdplayground.math;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every PyTorch reference case, to 1e-9 relative (values near 0 compared absolutely, see {@link #close}). */
class GoldenCasesTest {

    static final double RELATIVE = 1e-9;
    /**
     * Absolute floor for values near 0: PyTorch's own result for an exact zero carries rounding of a few ulps
     * of the terms that cancelled (e.g. soft = −6.6e-22 where the true KL is 0), so relative error is meaningless
     * there.
     */
    static final double ABSOLUTE = 1e-14;

    static Stream<GoldenCases.Case> cases() {
        return GoldenCases.all().stream();
    }

    @Test
    void goldenFileHasAll480Cases() {
        List<GoldenCases.Case> all = GoldenCases.all();
        assertThat(all).hasSize(480);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void lossMatchesPyTorchReference(GoldenCases.Case c) {
        LossBreakdown b = DistillationLoss.compute(c.student(), c.teacher(), c.label(), c.temperature(), c.alpha());
        assertClose("p_student", b.pStudentT(), c.pStudent());
        assertClose("p_teacher", b.pTeacherT(), c.pTeacher());
        assertClose("hard", b.hard(), c.hard());
        assertClose("soft", b.soft(), c.soft());
        assertClose("total", b.total(), c.total());
        assertClose("grad", b.gradient(), c.grad());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void allocationFreeVariantAgreesExactlyWithBreakdown(GoldenCases.Case c) {
        LossBreakdown b = DistillationLoss.compute(c.student(), c.teacher(), c.label(), c.temperature(), c.alpha());
        double[] grad = new double[c.student().length];
        double total = DistillationLoss.lossAndGradient(c.student(), c.teacher(), c.label(), c.temperature(),
                c.alpha(), SoftScaling.T_SQUARED, grad);
        assertThat(total).isEqualTo(b.total());
        assertThat(grad).containsExactly(b.gradient());
        assertThat(Softmax.softmax(c.student(), c.temperature())).containsExactly(b.pStudentT());
    }

    static boolean close(double actual, double expected) {
        return Math.abs(actual - expected) <= RELATIVE * Math.abs(expected) + ABSOLUTE;
    }

    static void assertClose(String what, double actual, double expected) {
        assertThat(close(actual, expected))
                .as("%s: actual %s, expected %s (diff %s)", what, actual, expected, actual - expected)
                .isTrue();
    }

    static void assertClose(String what, double[] actual, double[] expected) {
        assertThat(actual).as(what + " length").hasSameSizeAs(expected);
        for (int i = 0; i < expected.length; i++) {
            assertClose(what + "[" + i + "]", actual[i], expected[i]);
        }
    }
}
