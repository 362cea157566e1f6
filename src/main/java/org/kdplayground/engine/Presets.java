package org.kdplayground.engine;

import org.kdplayground.data.Dataset;

/**
 * Teacher and student architectures sized for our data: the teacher comfortably fits the task, the student is
 * small enough that it has something to learn from the teacher.
 */
public final class Presets {

    private Presets() {
    }

    /** 2-D sets: 2-64-64-k; images and other wide inputs: in-256-256-k. */
    public static MlpSpec teacherFor(Dataset data) {
        return isLowDimensional(data) ? MlpSpec.of(64, 64) : MlpSpec.of(256, 256);
    }

    /** 2-D sets: 2-8-k; images and other wide inputs: in-16-k. */
    public static MlpSpec studentFor(Dataset data) {
        return isLowDimensional(data) ? MlpSpec.of(8) : MlpSpec.of(16);
    }

    private static boolean isLowDimensional(Dataset data) {
        return data.featureCount() <= 3;
    }
}
