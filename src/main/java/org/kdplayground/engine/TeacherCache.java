package org.kdplayground.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.kdplayground.data.Dataset;

/**
 * Trained teachers kept in Java memory (weights as float arrays, no native memory), so that a learner who only
 * changes T, α or the student does not wait for the same teacher to train again. Keyed by everything that
 * decides the teacher: data (contents, not identity), architecture, seed and the teacher's hyper-parameters.
 * Thread-safe; least recently used entries are dropped beyond {@link #capacity()}.
 */
public final class TeacherCache {

    private static final TeacherCache SHARED = new TeacherCache(4);

    private final int capacity;
    private final LinkedHashMap<Key, Entry> entries;

    /** The cache the app and the CLI share. */
    public static TeacherCache shared() {
        return SHARED;
    }

    public TeacherCache(int capacity) {
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(16, 0.75f, true);
    }

    public int capacity() {
        return capacity;
    }

    public synchronized int size() {
        return entries.size();
    }

    public synchronized void clear() {
        entries.clear();
    }

    synchronized Entry get(Key key) {
        return entries.get(key);
    }

    synchronized void put(Key key, Entry entry) {
        entries.put(key, entry);
        while (entries.size() > capacity) {
            Key eldest = entries.keySet().iterator().next();
            entries.remove(eldest);
        }
    }

    /** What decides a trained teacher. */
    record Key(long trainFingerprint, long testFingerprint, MlpSpec teacher, long seed, float learningRate,
               int epochs, int batchSize, double labelledFraction, boolean teacherSeesAllLabels,
               float labelSmoothing, List<Integer> labelledRows) {

        static Key of(RunConfig c) {
            RunSettings s = c.settings();
            boolean all = s.teacherSeesAllLabels();
            return new Key(fingerprint(c.train()), fingerprint(c.test()), c.teacher(), s.seed(), s.learningRate(),
                    s.teacherEpochs(), s.batchSize(), all ? 1.0 : s.labelledFraction(), all,
                    s.teacherLabelSmoothing(), all ? List.of() : Arrays.stream(c.labelledRows()).boxed().toList());
        }
    }

    /**
     * A trained teacher: its parameters in {@code Block#getParameters()} order, its last epoch's loss, and the
     * metrics it streamed while training (replayed on reuse, so a rerun's metrics do not depend on the cache).
     */
    record Entry(List<float[]> parameters, double finalLoss, List<StepMetrics> steps, List<EpochMetrics> epochs) {
        Entry {
            parameters = List.copyOf(new ArrayList<>(parameters));
            steps = List.copyOf(steps);
            epochs = List.copyOf(epochs);
        }
    }

    /** A 64-bit hash of a data set's contents (features, labels, classes). */
    static long fingerprint(Dataset data) {
        long h = 0xcbf29ce484222325L;
        h = mix(h, data.classCount());
        h = mix(h, data.size());
        for (float[] row : data.features()) {
            h = mix(h, row.length);
            for (float v : row) {
                h = mix(h, Float.floatToIntBits(v));
            }
        }
        for (int label : data.labels()) {
            h = mix(h, label);
        }
        for (String name : data.classNames()) {
            h = mix(h, name.hashCode());
        }
        return h;
    }

    private static long mix(long h, long v) {
        h ^= v;
        h *= 0x100000001b3L;
        return h ^ (h >>> 29);
    }

    @Override
    public synchronized String toString() {
        Map<Key, Entry> copy = new LinkedHashMap<>(entries);
        return "TeacherCache[" + copy.size() + "/" + capacity + "]";
    }
}
