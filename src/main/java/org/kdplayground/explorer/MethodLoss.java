package org.kdplayground.explorer;

import java.util.List;

import org.kdplayground.engine.loss.LossMethod;
import org.kdplayground.engine.loss.LossPart;
import org.kdplayground.math.DecoupledKd;
import org.kdplayground.math.DecoupledKdLoss;
import org.kdplayground.math.DistillationLoss;
import org.kdplayground.math.LossBreakdown;
import org.kdplayground.math.SoftScaling;
import org.kdplayground.math.StandardizedKdLoss;

/**
 * The chosen method's loss for the one example, from the exact math in {@code math}: its terms as the training
 * screen's loss chart reports them, its total, and the distributions at T that its soft part compares.
 *
 * @param method      the loss
 * @param temperature T
 * @param tSquared    whether the distillation terms carry the T² factor (always, but for Hinton's switched off)
 * @param terms       the terms in the method's order ({@link LossMethod#parts()})
 * @param total       the loss
 * @param teacherSoft the teacher's distribution at T that the soft part compares: softmax(z_t/T), or softmax(ẑ_t/T)
 *                    of the standardised logits for LSKD
 * @param studentSoft the student's, the same way
 */
record MethodLoss(LossMethod method, double temperature, boolean tSquared, List<Term> terms, double total,
                  double[] teacherSoft, double[] studentSoft) {

    /**
     * One term of the loss.
     *
     * @param part     which term
     * @param weight   its weight in the loss (α, 1 − α, w_ce, β, ...)
     * @param value    the term as the training charts report it: CE, or the divergence with T² where the loss has it
     * @param unscaled the same without T² (the bare divergence); the CE itself for the hard term
     */
    record Term(LossPart part, double weight, double value, double unscaled) {

        /** What the term adds to the loss: {@code weight · value}. */
        double weighted() {
            return weight * value;
        }
    }

    MethodLoss {
        terms = List.copyOf(terms);
    }

    /** The term of a part. @throws IllegalArgumentException when the method has no such part */
    Term term(LossPart part) {
        return terms.stream().filter(t -> t.part() == part).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no " + part + " term"));
    }

    /** Hinton's loss, from its breakdown ({@link DistillationLoss#compute}). */
    static MethodLoss hinton(LossBreakdown b) {
        return new MethodLoss(LossMethod.HINTON, b.temperature(), b.scaling() == SoftScaling.T_SQUARED,
                List.of(new Term(LossPart.HARD, b.alpha(), b.hard(), b.hard()),
                        new Term(LossPart.SOFT, 1 - b.alpha(), b.soft(), b.kl())),
                b.total(), b.pTeacherT(), b.pStudentT());
    }

    /** Decoupled KD ({@link DecoupledKdLoss}); {@code hinton} gives the distributions at T. */
    static MethodLoss dkd(LossBreakdown hinton, ClassLogits logits, int label, DkdWeights w) {
        double t = hinton.temperature();
        DecoupledKdLoss.Result r = DecoupledKdLoss.compute(logits.student(), logits.teacher(), label, t,
                w.ceWeight(), w.alpha(), w.beta());
        DecoupledKd.Parts parts = DecoupledKd.decompose(logits.student(), logits.teacher(), label, t);
        return new MethodLoss(LossMethod.DKD, t, true,
                List.of(new Term(LossPart.HARD, w.ceWeight(), r.hard(), r.hard()),
                        new Term(LossPart.TCKD, w.alpha(), r.tckd(), parts.tckd()),
                        new Term(LossPart.NCKD, w.beta(), r.nckd(), parts.nckd())),
                r.total(), hinton.pTeacherT(), hinton.pStudentT());
    }

    /** KD on standardised logits ({@link StandardizedKdLoss}). */
    static MethodLoss lskd(ClassLogits logits, int label, double temperature, double alpha) {
        StandardizedKdLoss.Result r = StandardizedKdLoss.compute(logits.student(), logits.teacher(), label,
                temperature, alpha);
        LossBreakdown inner = DistillationLoss.compute(StandardizedKdLoss.standardize(logits.student()),
                StandardizedKdLoss.standardize(logits.teacher()), label, temperature, 0.0);
        return new MethodLoss(LossMethod.LSKD, temperature, true,
                List.of(new Term(LossPart.HARD, alpha, r.hard(), r.hard()),
                        new Term(LossPart.SOFT, 1 - alpha, r.soft(), inner.kl())),
                r.total(), inner.pTeacherT(), inner.pStudentT());
    }

    /** The sample standard deviation of logits (n − 1), which LSKD divides them by. */
    static double spread(double[] z) {
        double mean = 0.0;
        for (double v : z) {
            mean += v / z.length;
        }
        double var = 0.0;
        for (double v : z) {
            var += (v - mean) * (v - mean);
        }
        return Math.sqrt(var / (z.length - 1));
    }
}
