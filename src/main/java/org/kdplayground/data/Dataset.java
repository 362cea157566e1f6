package org.kdplayground.data;

import java.util.List;
import java.util.Objects;

/**
 * A labelled data set held in memory: one row of features per example and its class.
 * Rows are {@code float} because that is what the training engine consumes.
 *
 * <p>The constructor checks what every consumer relies on (rows of one length, labels in range), so a bad
 * data set fails where it is made rather than deep inside training. The arrays are not copied: treat them as
 * read-only.
 *
 * @param name        a short name for display and file names (e.g. "two-moons", "digits-8x8")
 * @param features    one row per example, all rows of the same length
 * @param labels      the class of each example, in {@code [0, classNames.size())}
 * @param classNames  the name of each class, in class order
 * @param imageWidth  width of an image when each row is a row-major grey image, else 0
 * @param imageHeight height of an image, else 0
 */
public record Dataset(String name, float[][] features, int[] labels, List<String> classNames,
                      int imageWidth, int imageHeight) {

    public Dataset {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(features, "features");
        Objects.requireNonNull(labels, "labels");
        classNames = List.copyOf(classNames);
        if (features.length != labels.length) {
            throw new IllegalArgumentException(
                    "features has " + features.length + " rows but labels has " + labels.length);
        }
        int width = features.length == 0 ? 0 : Objects.requireNonNull(features[0], "features[0]").length;
        for (int i = 0; i < features.length; i++) {
            if (features[i] == null || features[i].length != width) {
                throw new IllegalArgumentException("features row " + i + " has "
                        + (features[i] == null ? "no" : features[i].length) + " values, row 0 has " + width);
            }
            if (labels[i] < 0 || labels[i] >= classNames.size()) {
                throw new IllegalArgumentException("label " + labels[i] + " of row " + i + " is outside [0, "
                        + classNames.size() + ")");
            }
        }
        if (imageWidth < 0 || imageHeight < 0) {
            throw new IllegalArgumentException("negative image size " + imageWidth + "x" + imageHeight);
        }
        if (imageWidth * imageHeight > 0 && features.length > 0 && imageWidth * imageHeight != width) {
            throw new IllegalArgumentException("image size " + imageWidth + "x" + imageHeight
                    + " does not match " + width + " features");
        }
    }

    public int size() {
        return labels.length;
    }

    public int featureCount() {
        return features.length == 0 ? 0 : features[0].length;
    }

    public int classCount() {
        return classNames.size();
    }

    public boolean isImage() {
        return imageWidth > 0 && imageHeight > 0;
    }

    /** How many examples each class has, indexed by class: to check balance or stratification at a glance. */
    public int[] classCounts() {
        int[] counts = new int[classCount()];
        for (int label : labels) {
            counts[label]++;
        }
        return counts;
    }

    /**
     * The examples at {@code indices}, in that order, as a new data set with the same classes and image size.
     * Rows are shared, not copied (they are read-only).
     */
    public Dataset subset(int[] indices) {
        float[][] rows = new float[indices.length][];
        int[] subLabels = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            rows[i] = features[indices[i]];
            subLabels[i] = labels[indices[i]];
        }
        return new Dataset(name, rows, subLabels, classNames, imageWidth, imageHeight);
    }

    /** The same examples and classes with other feature rows (e.g. normalised ones), same number of rows. */
    public Dataset withFeatures(float[][] newFeatures) {
        return new Dataset(name, newFeatures, labels, classNames, imageWidth, imageHeight);
    }
}
