package org.kdplayground.data;

import java.util.List;
import java.util.Objects;

/**
 * A labelled data set held in memory: one row of features per example and its class.
 * Rows are {@code float} because that is what the training engine consumes.
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
}
