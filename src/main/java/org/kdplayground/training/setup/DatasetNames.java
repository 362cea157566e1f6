package org.kdplayground.training.setup;

import org.kdplayground.data.DatasetCatalog;

/** The i18n key of each data set's display name. */
public final class DatasetNames {

    private DatasetNames() {
    }

    public static String key(DatasetCatalog data) {
        return switch (data) {
            case TWO_MOONS -> "dataset_two_moons";
            case SPIRALS -> "dataset_spirals";
            case CIRCLES -> "dataset_circles";
            case BLOBS -> "dataset_blobs";
            case XOR -> "dataset_xor";
            case DIGITS_8X8 -> "dataset_digits_8x8";
            case FASHION_MNIST -> "dataset_fashion_mnist";
            case MNIST -> "dataset_mnist";
            case DRAWN -> "dataset_drawn";
            case CSV -> "dataset_csv";
        };
    }
}
