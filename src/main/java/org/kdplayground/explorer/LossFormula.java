package org.kdplayground.explorer;

import org.kdplayground.engine.loss.LossPart;
import org.kdplayground.math.LossBreakdown;
import org.kdplayground.math.SoftScaling;
import org.kdplayground.ui.NumberFormats;

/** The chosen method's loss formula in LaTeX, with the current values filled in on a second line. */
final class LossFormula {

    private LossFormula() {
    }

    /** Hinton's loss: α·CE + (1 − α)·T²·KL (T² only when switched on). */
    static String tex(LossBreakdown b) {
        boolean squared = b.scaling() == SoftScaling.T_SQUARED;
        String tSquared = squared ? "\\,T^2" : "";
        String symbolic = "\\mathcal{L} = \\alpha\\,\\mathrm{CE}(y,\\,p_s) + (1-\\alpha)" + tSquared
                + "\\,\\mathrm{KL}(p_t^T \\,\\|\\, p_s^T)";
        String values = "= " + number(b.alpha()) + " \\cdot " + number(b.hard()) + " + " + number(1 - b.alpha())
                + (squared ? " \\cdot " + number(b.temperature() * b.temperature()) : "")
                + " \\cdot " + number(b.kl()) + " = \\mathbf{" + number(b.total()) + "}";
        return lines(symbolic, values);
    }

    /** The formula of any method: Hinton's as {@link #tex(LossBreakdown)}, DKD's and LSKD's with their parts. */
    static String tex(MethodLoss loss, LossBreakdown hinton) {
        return switch (loss.method()) {
            case HINTON -> tex(hinton);
            case DKD -> lines("\\mathcal{L} = w_{\\mathrm{ce}}\\,\\mathrm{CE}(y,\\,p_s) + \\alpha\\,T^2\\,"
                    + "\\mathrm{TCKD} + \\beta\\,T^2\\,\\mathrm{NCKD}", values(loss));
            case LSKD -> lines("\\mathcal{L} = \\alpha\\,\\mathrm{CE}(y,\\,p_s) + (1-\\alpha)\\,T^2\\,"
                    + "\\mathrm{KL}\\big(\\sigma(\\hat z_t/T) \\,\\|\\, \\sigma(\\hat z_s/T)\\big)",
                    values(loss) + ",\\; \\hat z = (z - \\mathrm{mean})/\\mathrm{sd}");
        };
    }

    /** {@code = w·term + w·T²·term + ... = total}, each divergence without its T² so the factor shows. */
    private static String values(MethodLoss loss) {
        StringBuilder values = new StringBuilder("=");
        String tSquared = number(loss.temperature() * loss.temperature());
        for (MethodLoss.Term term : loss.terms()) {
            values.append(values.length() == 1 ? " " : " + ").append(number(term.weight())).append(" \\cdot ");
            if (term.part() != LossPart.HARD && loss.tSquared()) {
                values.append(tSquared).append(" \\cdot ");
            }
            values.append(number(term.unscaled()));
        }
        return values.append(" = \\mathbf{").append(number(loss.total())).append("}").toString();
    }

    private static String lines(String symbolic, String values) {
        return "\\begin{array}{l}" + symbolic + "\\\\ \\qquad " + values + "\\end{array}";
    }

    private static String number(double value) {
        return NumberFormats.significant(value).replace("−", "-").replace("∞", "\\infty")
                .replaceAll("e(-?)\\+?0*(\\d+)$", "\\\\times 10^{$1$2}");
    }
}
