package org.kdplayground.explorer;

import org.kdplayground.math.LossBreakdown;
import org.kdplayground.math.SoftScaling;
import org.kdplayground.ui.NumberFormats;

/** The loss formula in LaTeX, with the current values filled in on a second line. */
final class LossFormula {

    private LossFormula() {
    }

    static String tex(LossBreakdown b) {
        boolean squared = b.scaling() == SoftScaling.T_SQUARED;
        String tSquared = squared ? "\\,T^2" : "";
        String symbolic = "\\mathcal{L} = \\alpha\\,\\mathrm{CE}(y,\\,p_s) + (1-\\alpha)" + tSquared
                + "\\,\\mathrm{KL}(p_t^T \\,\\|\\, p_s^T)";
        String values = "= " + number(b.alpha()) + " \\cdot " + number(b.hard()) + " + " + number(1 - b.alpha())
                + (squared ? " \\cdot " + number(b.temperature() * b.temperature()) : "")
                + " \\cdot " + number(b.kl()) + " = \\mathbf{" + number(b.total()) + "}";
        return "\\begin{array}{l}" + symbolic + "\\\\ \\qquad " + values + "\\end{array}";
    }

    private static String number(double value) {
        return NumberFormats.significant(value).replace("−", "-").replace("∞", "\\infty")
                .replaceAll("e(-?)\\+?0*(\\d+)$", "\\\\times 10^{$1$2}");
    }
}
