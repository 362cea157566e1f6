package org.kdplayground.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Seeded train/test splits and labelled fractions, so that an experiment is repeatable and the teacher, the
 * distilled student and the baseline all see the same examples.
 *
 * <p>Stratified by default: each class keeps its share in the test set and in the labelled subset (sizes are
 * apportioned by largest remainder, so the totals are exactly {@code round(n * fraction)}). Row order is the
 * original order, so the result depends only on the data, the fractions and the seed.
 */
public final class Splits {

    private Splits() {
    }

    /** A stratified split: {@code testFraction} of the data held out, {@code labelledFraction} of the rest labelled. */
    public static Split split(Dataset data, double testFraction, double labelledFraction, long seed) {
        return split(data, testFraction, labelledFraction, seed, true);
    }

    /**
     * Splits {@code data} into train and test, then marks a labelled subset of the training set.
     *
     * @param testFraction     in [0, 1): share of the examples held out for testing
     * @param labelledFraction in (0, 1]: share of the training examples whose labels are kept (at least one)
     * @param stratified       keep each class's share in both draws
     */
    public static Split split(Dataset data, double testFraction, double labelledFraction, long seed,
                              boolean stratified) {
        if (!(testFraction >= 0 && testFraction < 1)) {
            throw new IllegalArgumentException("test fraction must be in [0, 1), got " + testFraction);
        }
        checkLabelledFraction(labelledFraction);
        Random random = new Random(seed);
        int n = data.size();
        int testCount = (int) Math.round(n * testFraction);
        if (n - testCount < 1) {
            throw new IllegalArgumentException("a test fraction of " + testFraction + " leaves no training"
                    + " examples out of " + n);
        }
        int[] all = new int[n];
        Arrays.setAll(all, i -> i);
        int[] test = draw(all, data.labels(), data.classCount(), testCount, random, stratified);
        int[] train = complement(n, test);
        Dataset trainSet = data.subset(train);
        Dataset testSet = data.subset(test);
        return new Split(trainSet, testSet, labelledSubset(trainSet, labelledFraction, random, stratified));
    }

    /**
     * Marks a labelled subset of a training set that comes already separate from its test set (MNIST's
     * train and t10k files). Stratified, seeded.
     */
    public static Split withLabelledFraction(Dataset train, Dataset test, double labelledFraction, long seed) {
        return new Split(train, test, labelledRows(train, labelledFraction, seed));
    }

    /** A stratified, seeded labelled subset of {@code train}: ascending rows, {@code round(n * fraction)} of them. */
    public static int[] labelledRows(Dataset train, double labelledFraction, long seed) {
        checkLabelledFraction(labelledFraction);
        return labelledSubset(train, labelledFraction, new Random(seed), true);
    }

    private static int[] labelledSubset(Dataset train, double fraction, Random random, boolean stratified) {
        int n = train.size();
        int count = Math.max(1, (int) Math.round(n * fraction));
        if (count >= n) {
            int[] all = new int[n];
            Arrays.setAll(all, i -> i);
            return all;
        }
        int[] all = new int[n];
        Arrays.setAll(all, i -> i);
        return draw(all, train.labels(), train.classCount(), count, random, stratified);
    }

    /** Draws {@code count} of {@code candidates} (ascending result), per class in proportion when stratified. */
    private static int[] draw(int[] candidates, int[] labels, int classes, int count, Random random,
                              boolean stratified) {
        if (count == 0) {
            return new int[0];
        }
        if (!stratified) {
            int[] shuffled = candidates.clone();
            shuffle(shuffled, random);
            int[] chosen = Arrays.copyOf(shuffled, count);
            Arrays.sort(chosen);
            return chosen;
        }
        List<List<Integer>> byClass = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            byClass.add(new ArrayList<>());
        }
        for (int i : candidates) {
            byClass.get(labels[i]).add(i);
        }
        int[] quota = apportion(byClass.stream().mapToInt(List::size).toArray(), count, candidates.length);
        int[] chosen = new int[count];
        int k = 0;
        for (int c = 0; c < classes; c++) {
            int[] members = byClass.get(c).stream().mapToInt(Integer::intValue).toArray();
            shuffle(members, random);
            System.arraycopy(members, 0, chosen, k, quota[c]);
            k += quota[c];
        }
        Arrays.sort(chosen);
        return chosen;
    }

    /** Largest-remainder apportionment of {@code count} over groups in proportion to their sizes. */
    static int[] apportion(int[] sizes, int count, int total) {
        int[] quota = new int[sizes.length];
        double[] remainder = new double[sizes.length];
        int given = 0;
        for (int c = 0; c < sizes.length; c++) {
            double exact = (double) sizes[c] * count / total;
            quota[c] = (int) Math.floor(exact);
            remainder[c] = exact - quota[c];
            given += quota[c];
        }
        while (given < count) {
            int best = -1;
            for (int c = 0; c < sizes.length; c++) {
                if (quota[c] < sizes[c] && (best < 0 || remainder[c] > remainder[best])) {
                    best = c;
                }
            }
            quota[best]++;
            remainder[best] = -1;
            given++;
        }
        return quota;
    }

    private static int[] complement(int n, int[] sortedTaken) {
        int[] rest = new int[n - sortedTaken.length];
        int k = 0;
        int t = 0;
        for (int i = 0; i < n; i++) {
            if (t < sortedTaken.length && sortedTaken[t] == i) {
                t++;
            } else {
                rest[k++] = i;
            }
        }
        return rest;
    }

    /** Fisher–Yates, in place: the order every seeded draw of the app uses. */
    public static void shuffle(int[] a, Random random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int tmp = a[i];
            a[i] = a[j];
            a[j] = tmp;
        }
    }

    private static void checkLabelledFraction(double labelledFraction) {
        if (!(labelledFraction > 0 && labelledFraction <= 1)) {
            throw new IllegalArgumentException("labelled fraction must be in (0, 1], got " + labelledFraction);
        }
    }
}
