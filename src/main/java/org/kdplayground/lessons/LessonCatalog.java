package org.kdplayground.lessons;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.kdplayground.lessons.LessonStage.ExplorerTab;
import org.kdplayground.lessons.LessonStage.Measure;
import org.kdplayground.lessons.LessonStage.TrainingTab;
import org.kdplayground.lessons.LessonStep.Run;

/**
 * The six lessons. Texts live in the bundles (one literal key per title and text); formulas are LaTeX, the same in
 * both languages; each step's set-up is a few calls on the {@link LessonStage}.
 */
final class LessonCatalog {

    static final String SOFTMAX_T = "p_i^T = \\frac{e^{z_i/T}}{\\sum_j e^{z_j/T}}";
    static final String LOSS = "\\mathcal{L} = \\alpha\\,\\mathrm{CE}(y, p_s) + (1-\\alpha)\\,T^2\\,"
            + "\\mathrm{KL}\\left(p_t^T \\,\\|\\, p_s^T\\right)";
    static final String SOFT_GRADIENT = "\\frac{\\partial\\,\\mathrm{KL}}{\\partial z_{s,i}} = "
            + "\\frac{1}{T}\\left(p^T_{s,i} - p^T_{t,i}\\right)";
    static final String EQUATION_4 = "\\frac{\\partial C}{\\partial z_i} \\approx \\frac{1}{N T^2}\\left(z_i - v_i\\right)"
            + "\\quad \\textstyle\\sum_j z_j = \\sum_j v_j = 0";
    static final String WITHOUT_THREES = "\\text{students: } \\{(x, y) : y \\neq 3\\} \\qquad "
            + "\\text{teacher: } \\{(x, y)\\}";
    static final String SHIFTED_ARGMAX = "\\hat y = \\arg\\max_i \\left(z_i + b\\,[i = 3]\\right),\\quad "
            + "\\#\\{\\hat y_s = 3\\} = \\#\\{\\hat y_t = 3\\}";
    static final String AGREEMENT = "\\mathrm{agreement} = \\frac{1}{n}\\sum_{i} "
            + "\\big[\\hat y_s(x_i) = \\hat y_t(x_i)\\big]";
    static final String ECE = "\\mathrm{ECE} = \\sum_{b=1}^{15} \\frac{n_b}{n}\\,\\big|\\mathrm{acc}_b - "
            + "\\mathrm{conf}_b\\big|";
    static final String LABEL_SMOOTHING = "y^{\\mathrm{LS}} = (1-\\varepsilon)\\,y + \\frac{\\varepsilon}{K}"
            + "\\qquad \\varepsilon = 0.2";
    static final String DKD = "\\mathrm{KD} = \\mathrm{TCKD} + (1-p_t)\\,\\mathrm{NCKD} \\qquad "
            + "\\mathrm{DKD} = \\mathrm{CE} + \\alpha\\,\\mathrm{TCKD} + \\beta\\,\\mathrm{NCKD}";
    static final String FEW_LABELS = "\\alpha\\,\\mathrm{CE}\\big|_{5\\%} + (1-\\alpha)\\,T^2\\,\\mathrm{KL}\\big|_{100\\%}";

    /** Steps that only look at a run keep the learner's set-up (and a run in progress) as it is. */
    private static final String KEEP_SET_UP = null;
    private static final String SEED_GRID = "1, 2, 4, 8";
    private static final String SWEEP_TEMPERATURES = "0.5, 1, 2, 4, 8, 16";
    private static final String SWEEP_BETAS = "1, 4, 16";

    private LessonCatalog() {
    }

    static List<Lesson> all() {
        return List.of(temperature(), lossAndTSquared(), logitMatching(), darkKnowledge(), whenItHelps(),
                copyingTheTeacher());
    }

    /** The notebook's figure in the explorer at one temperature and tab. */
    private static Consumer<LessonStage> seed(double t, ExplorerTab tab) {
        return stage -> {
            stage.showExplorer(tab);
            stage.applyExplorerPreset("NOTEBOOK");
            stage.setGridTemperatures(SEED_GRID);
            stage.setSoftScaledByTSquared(true);
            stage.setAlpha(0.5);
            stage.setTemperature(t);
        };
    }

    private static Lesson temperature() {
        return new Lesson("temperature", "lesson1_title", List.of(
                LessonStep.of("lesson1_step1_title", "lesson1_step1_text", SOFTMAX_T, seed(1, ExplorerTab.GRID)),
                LessonStep.of("lesson1_step2_title", "lesson1_step2_text", "p^{T=1} \\approx "
                        + "(0.55,\\ 0.20,\\ 0.12,\\ 0.08,\\ 0.05)", seed(1, ExplorerTab.GRID)),
                LessonStep.of("lesson1_step3_title", "lesson1_step3_text", "p^{T=4} \\approx "
                        + "(0.28,\\ 0.21,\\ 0.19,\\ 0.17,\\ 0.15)", seed(4, ExplorerTab.GRID)),
                LessonStep.of("lesson1_step4_title", "lesson1_step4_text",
                        "\\lim_{T \\to 0} p^T = \\text{one-hot}\\left(\\arg\\max_i z_i\\right)",
                        seed(0.1, ExplorerTab.GRADIENT)),
                LessonStep.of("lesson1_step5_title", "lesson1_step5_text",
                        "\\lim_{T \\to \\infty} p_i^T = \\frac{1}{N}", seed(100, ExplorerTab.GRADIENT)),
                LessonStep.of("lesson1_step6_title", "lesson1_step6_text",
                        "H(p^T) = -\\sum_i p_i^T \\ln p_i^T \\;\\in\\; [0, \\ln N]", seed(4, ExplorerTab.CURVES))));
    }

    private static Lesson lossAndTSquared() {
        return new Lesson("t-squared", "lesson2_title", List.of(
                LessonStep.of("lesson2_step1_title", "lesson2_step1_text", LOSS, seed(4, ExplorerTab.GRADIENT)),
                LessonStep.of("lesson2_step2_title", "lesson2_step2_text", SOFT_GRADIENT,
                        seed(4, ExplorerTab.GRADIENT)),
                LessonStep.of("lesson2_step3_title", "lesson2_step3_text",
                        "\\left|\\frac{\\partial\\,\\mathrm{KL}}{\\partial z_s}\\right| \\;\\propto\\; \\frac{1}{T^2}",
                        seed(8, ExplorerTab.GRADIENT).andThen(stage -> stage.setSoftScaledByTSquared(false))),
                LessonStep.of("lesson2_step4_title", "lesson2_step4_text",
                        "\\left(\\frac{20}{8}\\right)^2 \\approx 6",
                        seed(20, ExplorerTab.GRADIENT).andThen(stage -> stage.setSoftScaledByTSquared(false))),
                LessonStep.of("lesson2_step5_title", "lesson2_step5_text",
                        "T^2 \\cdot \\frac{\\partial\\,\\mathrm{KL}}{\\partial z_{s,i}} = "
                                + "T\\left(p^T_{s,i} - p^T_{t,i}\\right) = O(1)",
                        seed(20, ExplorerTab.GRADIENT)),
                LessonStep.of("lesson2_step6_title", "lesson2_step6_text", LOSS, seed(4, ExplorerTab.GRADIENT))));
    }

    private static Lesson logitMatching() {
        Consumer<LessonStage> softOnly = stage -> stage.setAlpha(0);
        return new Lesson("logit-matching", "lesson3_title", List.of(
                LessonStep.of("lesson3_step1_title", "lesson3_step1_text", EQUATION_4,
                        seed(1, ExplorerTab.GRADIENT).andThen(softOnly)),
                LessonStep.of("lesson3_step2_title", "lesson3_step2_text", "e^{x} \\approx 1 + x, \\quad x = z_i / T \\ll 1", seed(1, ExplorerTab.GRADIENT).andThen(softOnly)),
                LessonStep.of("lesson3_step3_title", "lesson3_step3_text", EQUATION_4,
                        seed(4, ExplorerTab.GRADIENT).andThen(softOnly)),
                LessonStep.of("lesson3_step4_title", "lesson3_step4_text",
                        "C \\approx \\frac{1}{2 N T^2} \\sum_i \\left(z_i - v_i\\right)^2",
                        seed(20, ExplorerTab.GRADIENT).andThen(softOnly)),
                LessonStep.of("lesson3_step5_title", "lesson3_step5_text", "", seed(2, ExplorerTab.GRADIENT)
                        .andThen(softOnly))));
    }

    private static Lesson darkKnowledge() {
        return new Lesson("dark-knowledge", "lesson4_title", List.of(
                LessonStep.of("lesson4_step1_title", "lesson4_step1_text", SOFTMAX_T, seed(4, ExplorerTab.GRID)),
                LessonStep.of("lesson4_step2_title", "lesson4_step2_text",
                        "206 \\;\\longrightarrow\\; 109 \\qquad (b_3 + 3.5)", seed(4, ExplorerTab.GRID)),
                LessonStep.of("lesson4_step3_title", "lesson4_step3_text", WITHOUT_THREES,
                        stage -> stage.showTraining("DIGITS_OMIT_3", Map.of(), TrainingTab.LEARNED)),
                LessonStep.withRun("lesson4_step4_title", "lesson4_step4_text", LOSS,
                        stage -> stage.showTraining("DIGITS_OMIT_3", Map.of(), TrainingTab.LEARNED),
                        Run.TRAINING),
                LessonStep.of("lesson4_step5_title", "lesson4_step5_text", SHIFTED_ARGMAX,
                        stage -> stage.showTraining(KEEP_SET_UP, Map.of(), TrainingTab.RESULTS)),
                LessonStep.of("lesson4_step6_title", "lesson4_step6_text", SOFTMAX_T,
                        stage -> stage.showTraining(KEEP_SET_UP, Map.of(), TrainingTab.EXAMPLES))));
    }

    private static Lesson whenItHelps() {
        return new Lesson("when-it-helps", "lesson5_title", List.of(
                LessonStep.withRun("lesson5_step1_title", "lesson5_step1_text", FEW_LABELS,
                        stage -> stage.showTraining("DIGITS_FEW_LABELS", Map.of(), TrainingTab.RESULTS),
                        Run.TRAINING),
                LessonStep.withRun("lesson5_step2_title", "lesson5_step2_text", "",
                        stage -> stage.showTraining("DIGITS_FEW_LABELS",
                                Map.of("labelledFraction", "1", "transferSet", "LABELLED"), TrainingTab.RESULTS),
                        Run.TRAINING),
                LessonStep.withRun("lesson5_step3_title", "lesson5_step3_text",
                        "64 \\to 4 \\to 10 \\;\\ll\\; 64 \\to 256 \\to 256 \\to 10",
                        stage -> stage.showTraining("DIGITS_TINY_STUDENT", Map.of(), TrainingTab.RESULTS),
                        Run.TRAINING),
                LessonStep.withRun("lesson5_step4_title", "lesson5_step4_text",
                        "T \\in \\{0.5,\\ 1,\\ 2,\\ 4,\\ 8,\\ 16\\}",
                        stage -> stage.showTraining("DIGITS_FEW_LABELS",
                                Map.of("sweepTemperatures", SWEEP_TEMPERATURES, "sweepSeeds", "2"),
                                TrainingTab.SWEEP),
                        Run.SWEEP),
                LessonStep.of("lesson5_step5_title", "lesson5_step5_text", LOSS,
                        stage -> stage.showTraining(KEEP_SET_UP, Map.of(), TrainingTab.RESULTS))));
    }

    /** A training step that also chooses what the charts beside the loss and on the sweep tab show. */
    private static Consumer<LessonStage> training(String presetId, Map<String, String> fields, TrainingTab tab,
                                                  Measure measure) {
        return stage -> {
            stage.showTraining(presetId, fields, tab);
            stage.showMeasure(measure);
        };
    }

    /** Lesson 6: fidelity is not accuracy, calibration, a label-smoothed teacher, DKD's β (docs/results.md). */
    private static Lesson copyingTheTeacher() {
        return new Lesson("copying-the-teacher", "lesson6_title", List.of(
                LessonStep.withRun("lesson6_step1_title", "lesson6_step1_text", AGREEMENT,
                        training("DIGITS", Map.of(), TrainingTab.RESULTS, Measure.AGREEMENT), Run.TRAINING),
                LessonStep.withRun("lesson6_step2_title", "lesson6_step2_text", AGREEMENT,
                        training("TWO_MOONS", Map.of(), TrainingTab.LEARNED, Measure.AGREEMENT), Run.TRAINING),
                LessonStep.withRun("lesson6_step3_title", "lesson6_step3_text", ECE,
                        training("DIGITS_FEW_LABELS", Map.of(), TrainingTab.CALIBRATION, Measure.CALIBRATION),
                        Run.TRAINING),
                LessonStep.withRun("lesson6_step4_title", "lesson6_step4_text", LABEL_SMOOTHING,
                        training("DIGITS_SMOOTHED_TEACHER", Map.of(), TrainingTab.CALIBRATION,
                                Measure.CALIBRATION), Run.TRAINING),
                LessonStep.withRun("lesson6_step5_title", "lesson6_step5_text", DKD,
                        training("DIGITS_FEW_LABELS", Map.of("sweepValues:dkd_beta", SWEEP_BETAS,
                                "sweepSeeds", "2"), TrainingTab.SWEEP, Measure.ACCURACY), Run.SWEEP),
                LessonStep.of("lesson6_step6_title", "lesson6_step6_text", "",
                        stage -> stage.showTraining(KEEP_SET_UP, Map.of(), TrainingTab.RESULTS))));
    }
}
