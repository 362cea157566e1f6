package org.kdplayground.engine;

import java.util.Arrays;

/**
 * Which training rows each model trains on: the labelled rows, the teacher's rows (all or the labelled ones), and
 * the students' rows without the omitted class.
 */
final class TrainingRows {

    private final int trainRows;
    private final int[] labels;
    private final int omittedClass;
    private final int[] labelled;
    private final boolean[] isLabelled;
    private final int[] studentLabelled;
    private final int[] teacherRows;
    private final int[] studentRows;

    TrainingRows(RunConfig config) {
        RunSettings settings = config.settings();
        trainRows = config.train().size();
        labels = config.train().labels();
        omittedClass = settings.omittedClass();
        labelled = config.labelledRows();
        isLabelled = new boolean[trainRows];
        for (int row : labelled) {
            isLabelled[row] = true;
        }
        studentLabelled = withoutOmittedClass(labelled);
        teacherRows = settings.teacherSeesAllLabels() ? all() : labelled;
        studentRows = settings.transferSet() == TransferSet.ALL ? withoutOmittedClass(all()) : studentLabelled;
    }

    /** The labelled training rows, ascending. */
    int[] labelled() {
        return labelled;
    }

    boolean isLabelled(int row) {
        return isLabelled[row];
    }

    /** Whether each training row is labelled, by row. */
    boolean[] labelledMask() {
        return isLabelled;
    }

    /** The rows the teacher trains on. */
    int[] teacherRows() {
        return teacherRows;
    }

    /** The rows the students step over in an epoch (labelled and, with transfer set ALL, unlabelled). */
    int[] studentRows() {
        return studentRows;
    }

    /** The labelled rows the students use: without the omitted class. */
    int[] studentLabelled() {
        return studentLabelled;
    }

    /** The unlabelled rows the students' soft loss sees: without the omitted class. */
    int[] studentUnlabelled() {
        int[] rows = new int[trainRows - labelled.length];
        for (int i = 0, j = 0; i < trainRows; i++) {
            if (!isLabelled[i]) {
                rows[j++] = i;
            }
        }
        return withoutOmittedClass(rows);
    }

    private int[] all() {
        int[] rows = new int[trainRows];
        Arrays.setAll(rows, i -> i);
        return rows;
    }

    private int[] withoutOmittedClass(int[] rows) {
        if (omittedClass == RunSettings.NO_OMITTED_CLASS) {
            return rows;
        }
        return Arrays.stream(rows).filter(row -> labels[row] != omittedClass).toArray();
    }

    /** Labelled rows spread evenly among the unlabelled ones, so every batch gets its share of labels. */
    static int[] interleave(int[] labelledRows, int[] unlabelledRows) {
        int l = labelledRows.length;
        int n = l + unlabelledRows.length;
        int[] out = new int[n];
        int li = 0;
        int ui = 0;
        for (int pos = 0; pos < n; pos++) {
            boolean takeLabelled = li < l && ((long) li * n < (long) (pos + 1) * l || ui == unlabelledRows.length);
            out[pos] = takeLabelled ? labelledRows[li++] : unlabelledRows[ui++];
        }
        return out;
    }
}
