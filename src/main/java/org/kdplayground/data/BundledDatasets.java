package org.kdplayground.data;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Data sets shipped inside the application, so that a first run needs no download and no network.
 */
public final class BundledDatasets {

    /** Class-path resource of the 8x8 digits, relative to this class. */
    public static final String DIGITS_8X8_RESOURCE = "optdigits-8x8-1797.csv.gz";

    /** The credit the licence (CC BY 4.0) asks for; show it in the About box. */
    public static final String DIGITS_8X8_CREDIT = "Handwritten digits 8x8: UCI \"Optical Recognition of "
            + "Handwritten Digits\", E. Alpaydin and C. Kaynak (1998), CC BY 4.0, "
            + "https://archive.ics.uci.edu/dataset/80";

    private BundledDatasets() {
    }

    /**
     * The 1,797 8x8 handwritten digits (UCI optdigits, test part): 64 features with integer values 0..16,
     * classes "0".."9", {@code imageWidth = imageHeight = 8}. The shape of the teaching notebook's
     * {@code nn.Linear(64, 10)}. Each call reads a fresh copy, so callers may modify it; keep one if you need
     * it often.
     */
    public static Dataset digits8x8() {
        try (InputStream in = BundledDatasets.class.getResourceAsStream(DIGITS_8X8_RESOURCE)) {
            if (in == null) {
                throw new DatasetException(DIGITS_8X8_RESOURCE + ": missing from the application's resources");
            }
            Dataset table = CsvReader.defaults().withHeader(CsvReader.Header.ABSENT)
                    .read(in, DIGITS_8X8_RESOURCE, "digits-8x8");
            List<String> names = MnistDatasets.DIGIT_CLASS_NAMES;
            if (table.featureCount() != 64 || table.classCount() != names.size()) {
                throw new DatasetException(DIGITS_8X8_RESOURCE + ": expected 64 features and 10 classes, found "
                        + table.featureCount() + " and " + table.classCount());
            }
            return new Dataset("digits-8x8", table.features(), table.labels(), names, 8, 8);
        } catch (IOException e) {
            throw new DatasetException(DIGITS_8X8_RESOURCE + ": cannot read: " + e.getMessage(), e);
        }
    }
}
