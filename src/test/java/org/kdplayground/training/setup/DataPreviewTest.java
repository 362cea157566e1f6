package org.kdplayground.training.setup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kdplayground.data.DatasetSpec;
import org.kdplayground.ui.TaskExecutor;

class DataPreviewTest {

    @TempDir
    Path dir;

    @Test
    void showsTheDataOfTheSpecAndNamesItsClasses() {
        DataPreview preview = new DataPreview(TaskExecutor.currentThread());
        preview.show(DatasetSpec.of("blobs").withK(4).withSize(80));
        assertThat(preview.dataProperty().get().classCount()).isEqualTo(4);
        assertThat(preview.problemProperty().get()).isEmpty();
        assertThat(preview.className(7)).isEqualTo("7");
    }

    @Test
    void withFewLabelsThePreviewMarksTheTrainingPointsWhoseLabelsTheStudentsSee() {
        DataPreview preview = new DataPreview(TaskExecutor.currentThread());
        preview.show(DatasetSpec.of("spirals").withSize(1000), 0.3, 0.05);
        assertThat(preview.trainingProperty().get().train().size()).isEqualTo(700);
        assertThat(preview.trainingProperty().get().labelledCount()).isEqualTo(35);
        assertThat(preview.dataProperty().get().size()).isEqualTo(1000);
        preview.show(DatasetSpec.of("spirals").withSize(1000), 0.3, 1);
        assertThat(preview.trainingProperty().get()).as("every label kept: nothing to mark").isNull();
    }

    @Test
    void dataThatCannotBeReadShowsWhyAndNoData() {
        DataPreview preview = new DataPreview(TaskExecutor.currentThread());
        preview.show(DatasetSpec.of("two-moons"));
        preview.show(DatasetSpec.of("fashion-mnist").withFolder(dir.resolve("missing")));
        assertThat(preview.dataProperty().get()).isNull();
        assertThat(preview.problemProperty().get()).isNotEmpty();
    }

    /** Loads run in the background; one that ends after a newer request was made shows nothing. */
    @Test
    void aNewerRequestSupersedesOneStillLoading() {
        List<Runnable> pending = new ArrayList<>();
        TaskExecutor later = new TaskExecutor() {
            @Override
            public <T> void execute(Callable<T> work, Consumer<? super T> onSuccess, Consumer<Exception> onFailure) {
                pending.add(() -> {
                    try {
                        onSuccess.accept(work.call());
                    } catch (Exception e) {
                        onFailure.accept(e);
                    }
                });
            }

            @Override
            public void report(Runnable update) {
                update.run();
            }
        };
        DataPreview preview = new DataPreview(later);
        preview.show(DatasetSpec.of("blobs").withK(3).withSize(60));
        preview.show(DatasetSpec.of("blobs").withK(5).withSize(60));
        pending.get(1).run();
        pending.get(0).run();
        assertThat(preview.dataProperty().get().classCount()).isEqualTo(5);
    }
}
