package org.kdplayground.training.setup;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import org.kdplayground.data.Dataset;
import org.kdplayground.data.DatasetSpec;
import org.kdplayground.data.Datasets;
import org.kdplayground.data.Split;
import org.kdplayground.data.Splits;
import org.kdplayground.engine.Experiment;
import org.kdplayground.ui.TaskExecutor;

/**
 * The data set the set-up describes, loaded in the background so the panel can draw it and name its classes; a newer
 * request supersedes one still loading.
 */
public final class DataPreview {

    private final TaskExecutor loader;
    private final AtomicLong latest = new AtomicLong();
    private final ReadOnlyObjectWrapper<Dataset> data = new ReadOnlyObjectWrapper<>(this, "data");
    /** The training part with its labelled points marked, when the students see only some labels; else null. */
    private final ReadOnlyObjectWrapper<Split> training = new ReadOnlyObjectWrapper<>(this, "training");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");

    public DataPreview(TaskExecutor loader) {
        this.loader = Objects.requireNonNull(loader);
    }

    /** Loads the data of {@code spec}, every label kept; what is shown changes when it has loaded. */
    public void show(DatasetSpec spec) {
        show(spec, Experiment.DEFAULT_TEST_FRACTION, 1);
    }

    /**
     * Loads the data of {@code spec} and, when {@code labelledFraction} is below 1, its training part split as a run
     * splits it, so the points whose labels the students see can be told from the unlabelled transfer points.
     */
    public void show(DatasetSpec spec, double testFraction, double labelledFraction) {
        long request = latest.incrementAndGet();
        loader.execute(() -> request == latest.get() ? load(spec, testFraction, labelledFraction) : null,
                loaded -> {
                    if (request == latest.get()) {
                        training.set(loaded.training());
                        data.set(loaded.data());
                        problem.set("");
                    }
                },
                failure -> {
                    if (request == latest.get()) {
                        training.set(null);
                        data.set(null);
                        problem.set(String.valueOf(failure.getMessage()));
                    }
                });
    }

    private record Loaded(Dataset data, Split training) {
    }

    private static Loaded load(DatasetSpec spec, double testFraction, double labelledFraction) {
        Dataset all = spec.points() != null && spec.points().problem() != null ? spec.points().sketch()
                : Datasets.load(spec);
        Split split = null;
        if (labelledFraction > 0 && labelledFraction < 1 && !all.isImage() && all.size() > 1) {
            try {
                split = Splits.split(all, testFraction, labelledFraction, spec.seed());
            } catch (IllegalArgumentException tooFew) {
                split = null; // the set-up reports it when the run starts; the preview shows every point
            }
        }
        return new Loaded(all, split);
    }

    /** The training points with their labelled ones marked, or null when every label is kept (or none is loaded). */
    public ReadOnlyObjectProperty<Split> trainingProperty() {
        return training.getReadOnlyProperty();
    }

    /** The loaded data, or null while loading or when it cannot be read. */
    public ReadOnlyObjectProperty<Dataset> dataProperty() {
        return data.getReadOnlyProperty();
    }

    /** Why the data cannot be read, or empty. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** A class's name in the loaded data, or its number while none is loaded. */
    public String className(int index) {
        Dataset d = data.get();
        return d != null && index >= 0 && index < d.classCount() ? d.classNames().get(index) : Integer.toString(index);
    }
}
