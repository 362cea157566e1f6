package org.kdplayground.cli;

import org.kdplayground.data.DatasetSpec;
import org.kdplayground.engine.Experiment;
import org.kdplayground.engine.NumericSetting;
import org.kdplayground.engine.RunSettings;
import org.kdplayground.engine.loss.LossMethod;
import org.kdplayground.io.ExperimentFile;

import picocli.CommandLine.Option;

/**
 * The options that override an experiment file's settings, shared by {@code train} and {@code sweep}. Each number is
 * checked against its setting's range ({@link NumericSetting}) and a bad one is a usage error naming the option.
 */
final class RunOptions {

    @Option(names = "--dataset", paramLabel = "NAME", description = "data set id, e.g. two-moons, digits-8x8")
    String dataset;

    @Option(names = "--loss", paramLabel = "hinton|dkd|lskd",
            description = "distillation loss: Hinton's, decoupled KD, or KD on standardised logits")
    String loss;

    @Option(names = "--ce-weight", paramLabel = "W", description = "DKD: weight of the CE with the labels, [0, 10]")
    Double ceWeight;

    @Option(names = "--dkd-alpha", paramLabel = "A", description = "DKD: weight of its target-class term, [0, 100]")
    Double dkdAlpha;

    @Option(names = "--dkd-beta", paramLabel = "B", description = "DKD: weight of its non-target term, [0, 100]")
    Double dkdBeta;

    @Option(names = "--dkd-warmup", paramLabel = "EPOCHS",
            description = "DKD: epochs over which its distillation weight rises to full (0: none)")
    Integer dkdWarmup;

    @Option(names = "--teacher-label-smoothing", paramLabel = "EPS",
            description = "label smoothing of the teacher's training targets, [0, 0.5)")
    Double teacherLabelSmoothing;

    @Option(names = "--epochs", description = "epochs of teacher and students")
    Integer epochs;

    @Option(names = "--teacher-epochs", description = "epochs of the teacher")
    Integer teacherEpochs;

    @Option(names = "--student-epochs", description = "epochs of the students")
    Integer studentEpochs;

    @Option(names = "--seed", description = "seed for weights, labelled subset and batch order")
    Long seed;

    @Option(names = "--transfer", paramLabel = "labelled|all", description = "inputs the soft loss sees")
    String transfer;

    @Option(names = "--lr", description = "Adam learning rate, (0, 10]")
    Double learningRate;

    @Option(names = "--batch-size", description = "rows per step")
    Integer batchSize;

    @Option(names = "--labelled-fraction", description = "share of training labels used, (0, 1]")
    Double labelledFraction;

    @Option(names = "--omit-class", paramLabel = "K|none",
            description = "leave class K out of the students' training rows (the teacher still sees it), then"
                    + " correct their bias for it; none: every class")
    String omitClass;

    /** The experiment with these options applied. */
    Experiment applyTo(Experiment experiment) {
        Experiment e = experiment;
        if (dataset != null) {
            // another data set: its own preset networks, sizes and noise; the file's data seed
            e = e.withDataset(DatasetSpec.of(dataset).withSeed(e.dataset().seed())).withNetworks(null, null);
        }
        RunSettings s = e.settings();
        if (loss != null) {
            try {
                s = s.withLoss(LossMethod.fromId(loss));
            } catch (IllegalArgumentException ex) {
                throw Numbers.usage("--loss must be one of " + LossMethod.ids() + ", got '" + loss + "'");
            }
        }
        if (epochs != null) {
            s = set(s, NumericSetting.TEACHER_EPOCHS, "--epochs", epochs);
            s = set(s, NumericSetting.STUDENT_EPOCHS, "--epochs", epochs);
        }
        s = set(s, NumericSetting.TEACHER_EPOCHS, "--teacher-epochs", teacherEpochs);
        s = set(s, NumericSetting.STUDENT_EPOCHS, "--student-epochs", studentEpochs);
        s = set(s, NumericSetting.LEARNING_RATE, "--lr", learningRate);
        s = set(s, NumericSetting.BATCH_SIZE, "--batch-size", batchSize);
        s = set(s, NumericSetting.LABELLED_FRACTION, "--labelled-fraction", labelledFraction);
        s = set(s, NumericSetting.CE_WEIGHT, "--ce-weight", ceWeight);
        s = set(s, NumericSetting.DKD_ALPHA, "--dkd-alpha", dkdAlpha);
        s = set(s, NumericSetting.DKD_BETA, "--dkd-beta", dkdBeta);
        s = set(s, NumericSetting.DKD_WARMUP_EPOCHS, "--dkd-warmup", dkdWarmup);
        s = set(s, NumericSetting.TEACHER_LABEL_SMOOTHING, "--teacher-label-smoothing", teacherLabelSmoothing);
        if (seed != null) {
            s = s.withSeed(seed);
        }
        if (transfer != null) {
            try {
                s = s.withTransferSet(ExperimentFile.transferSet(transfer));
            } catch (IllegalArgumentException ex) {
                throw Numbers.usage("--transfer must be labelled or all, got '" + transfer + "'");
            }
        }
        if (omitClass != null) {
            s = s.withOmittedClass(omittedClass(omitClass, e.dataset()));
        } else if (s.omittedClass() >= e.dataset().k()) {
            s = s.withOmittedClass(RunSettings.NO_OMITTED_CLASS); // the file's class is not one of --dataset's
        }
        return e.withSettings(s);
    }

    /** {@code settings} with {@code value} for {@code setting} when given, checked against its range. */
    static RunSettings set(RunSettings settings, NumericSetting setting, String option, Number value) {
        if (value == null) {
            return settings;
        }
        return setting.with(settings, Numbers.inRange(setting, option, value.doubleValue()));
    }

    /** {@code --omit-class}: a class number of the data set, or none. */
    static int omittedClass(String text, DatasetSpec data) {
        String value = text.trim();
        if (value.equalsIgnoreCase("none")) {
            return RunSettings.NO_OMITTED_CLASS;
        }
        int classes = data.k();
        int k;
        try {
            k = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw Numbers.usage("'" + value + "' is not a class in --omit-class: give a class number, 0 to "
                    + (classes - 1) + ", or none");
        }
        if (k < 0 || k >= classes) {
            throw Numbers.usage("--omit-class " + k + " is not a class of " + data.name() + ": give 0 to "
                    + (classes - 1) + ", or none");
        }
        return k;
    }
}
