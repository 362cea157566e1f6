package org.kdplayground.data;

import java.util.Arrays;
import java.util.Objects;

/**
 * A train/test split with the labelled part of the training set marked: the student learns the hard loss from
 * the labelled examples only, while the soft (teacher) loss may also use the rest as unlabelled transfer data.
 * Made by {@link Splits}.
 *
 * @param train    the training examples (all carry their true labels; which ones may be used is {@code labelled})
 * @param test     the held-out examples
 * @param labelled indices into {@code train} whose labels are kept, ascending, no duplicates
 */
public record Split(Dataset train, Dataset test, int[] labelled) {

    public Split {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(test, "test");
        labelled = labelled.clone();
        for (int i = 0; i < labelled.length; i++) {
            if (labelled[i] < 0 || labelled[i] >= train.size() || (i > 0 && labelled[i] <= labelled[i - 1])) {
                throw new IllegalArgumentException("labelled indices must be ascending, distinct and in [0, "
                        + train.size() + "), got " + Arrays.toString(labelled));
            }
        }
    }

    /** The labelled indices (a copy: the record stays immutable). */
    @Override
    public int[] labelled() {
        return labelled.clone();
    }

    /** Indices into {@code train} whose labels are withheld, ascending: the extra unlabelled transfer data. */
    public int[] unlabelled() {
        boolean[] mask = labelledMask();
        int[] result = new int[train.size() - labelled.length];
        int k = 0;
        for (int i = 0; i < mask.length; i++) {
            if (!mask[i]) {
                result[k++] = i;
            }
        }
        return result;
    }

    /** {@code mask[i]} is true when training example {@code i} is labelled. */
    public boolean[] labelledMask() {
        boolean[] mask = new boolean[train.size()];
        for (int i : labelled) {
            mask[i] = true;
        }
        return mask;
    }

    public int labelledCount() {
        return labelled.length;
    }

    /** The labelled training examples as a data set of their own (for the teacher and the hard loss). */
    public Dataset labelledTrain() {
        return train.subset(labelled);
    }

    /** The same split with other train and test sets of the same sizes (e.g. normalised copies). */
    public Split with(Dataset newTrain, Dataset newTest) {
        if (newTrain.size() != train.size()) {
            throw new IllegalArgumentException("train has " + train.size() + " rows, new train " + newTrain.size());
        }
        return new Split(newTrain, newTest, labelled);
    }
}
