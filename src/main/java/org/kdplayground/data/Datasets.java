package org.kdplayground.data;

import java.util.Arrays;

/**
 * Makes any catalogued data set from a {@link DatasetSpec}: the one entry point for the GUI, the command line and
 * experiment configurations.
 */
public final class Datasets {

    private Datasets() {
    }

    /**
     * The data set a spec describes. Synthetic sets are generated; digits-8x8 is read from the app (its first
     * {@code size} rows when {@code size} is below 1,797); fashion-mnist and mnist read the first {@code size}
     * examples of the training file in {@code spec.folder()}.
     *
     * @throws DatasetException when the spec's values are invalid or the files cannot be read
     */
    public static Dataset load(DatasetSpec spec) {
        DatasetCatalog entry = spec.catalogEntry();
        if (entry == DatasetCatalog.CSV) {
            if (spec.table() == null) {
                throw new DatasetException("dataset csv: no table chosen (\"file\" names it)");
            }
            return CsvTables.read(spec.table());
        }
        MemoryBudget.check(entry, spec.size());
        try {
            return switch (entry) {
                case TWO_MOONS -> SyntheticDatasets.twoMoons(spec.size(), spec.noise(), spec.seed());
                case SPIRALS -> SyntheticDatasets.spirals(spec.size(), spec.k(), spec.noise(), spec.seed());
                case CIRCLES -> SyntheticDatasets.circles(spec.size(), spec.noise(), spec.seed());
                case BLOBS -> SyntheticDatasets.blobs(spec.size(), spec.k(), spec.noise(), spec.seed());
                case XOR -> SyntheticDatasets.xor(spec.size(), spec.noise(), spec.seed());
                case DIGITS_8X8 -> firstRows(BundledDatasets.digits8x8(), spec.size());
                case FASHION_MNIST -> MnistDatasets.fashion(spec.folder(), MnistDatasets.Part.TRAIN, spec.size());
                case MNIST -> MnistDatasets.mnist(spec.folder(), MnistDatasets.Part.TRAIN, spec.size());
                case DRAWN -> spec.points().toDataset();
                case CSV -> throw new IllegalStateException("read above");
            };
        } catch (IllegalArgumentException e) {
            throw new DatasetException("dataset " + entry.id() + ": " + e.getMessage(), e);
        }
    }

    /**
     * The spec's data set split for an experiment, seeded with {@code spec.seed()} and stratified. For the IDX
     * sets, {@code size} examples are shared out as the standard files intend: the training part from the train
     * file, the test part from the t10k file.
     *
     * @param testFraction     in [0, 1): share of {@code size} held out for testing
     * @param labelledFraction in (0, 1]: share of the training examples whose labels are kept
     */
    public static Split loadSplit(DatasetSpec spec, double testFraction, double labelledFraction) {
        DatasetCatalog entry = spec.catalogEntry();
        try {
            if (entry.kind() != DatasetCatalog.Kind.IDX_FOLDER) {
                return Splits.split(load(spec), testFraction, labelledFraction, spec.seed());
            }
            if (!(testFraction >= 0 && testFraction < 1)) {
                throw new IllegalArgumentException("test fraction must be in [0, 1), got " + testFraction);
            }
            int testCount = (int) Math.round(spec.size() * testFraction);
            int trainCount = spec.size() - testCount;
            Dataset train = load(spec.withSize(trainCount));
            Dataset test = testCount == 0 ? train.subset(new int[0])
                    : MnistDatasets.load(spec.folder(), MnistDatasets.Part.TEST, testCount, train.name(),
                    train.classNames());
            return Splits.withLabelledFraction(train, test, labelledFraction, spec.seed());
        } catch (IllegalArgumentException e) {
            throw new DatasetException("dataset " + entry.id() + ": " + e.getMessage(), e);
        }
    }

    private static Dataset firstRows(Dataset data, int size) {
        if (size <= 0 || size >= data.size()) {
            return data;
        }
        int[] first = new int[size];
        Arrays.setAll(first, i -> i);
        return data.subset(first);
    }
}
