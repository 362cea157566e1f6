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
import org.kdplayground.ui.TaskExecutor;

/**
 * The data set the set-up describes, loaded in the background so the panel can draw it and name its classes; a newer
 * request supersedes one still loading.
 */
public final class DataPreview {

    private final TaskExecutor loader;
    private final AtomicLong latest = new AtomicLong();
    private final ReadOnlyObjectWrapper<Dataset> data = new ReadOnlyObjectWrapper<>(this, "data");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");

    public DataPreview(TaskExecutor loader) {
        this.loader = Objects.requireNonNull(loader);
    }

    /** Loads the data of {@code spec}; what is shown changes when it has loaded. */
    public void show(DatasetSpec spec) {
        long request = latest.incrementAndGet();
        loader.execute(() -> request == latest.get() ? Datasets.load(spec) : null,
                loaded -> {
                    if (request == latest.get()) {
                        data.set(loaded);
                        problem.set("");
                    }
                },
                failure -> {
                    if (request == latest.get()) {
                        data.set(null);
                        problem.set(String.valueOf(failure.getMessage()));
                    }
                });
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
