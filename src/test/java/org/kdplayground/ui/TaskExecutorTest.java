package org.kdplayground.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class TaskExecutorTest {

    @Test
    void currentThreadRunsWorkUpdatesAndOutcomesInCallOrder() {
        TaskExecutor tasks = TaskExecutor.currentThread();
        List<String> seen = new ArrayList<>();
        tasks.execute(() -> {
            tasks.report(() -> seen.add("update"));
            return 42;
        }, result -> seen.add("done " + result), failure -> seen.add("failed"));
        seen.add("after");
        assertThat(seen).containsExactly("update", "done 42", "after");
    }

    @Test
    void aFailureReachesOnFailureAndAnErrorOfLinkingIsWrapped() {
        TaskExecutor tasks = TaskExecutor.currentThread();
        List<Exception> failures = new ArrayList<>();
        tasks.execute(() -> {
            throw new IllegalStateException("no data");
        }, result -> { }, failures::add);
        tasks.execute(() -> {
            throw new UnsatisfiedLinkError("no libtorch");
        }, result -> { }, failures::add);
        assertThat(failures).extracting(Exception::getMessage).containsExactly("no data", "no libtorch");
        assertThat(failures.get(1).getCause()).isInstanceOf(UnsatisfiedLinkError.class);
    }
}
