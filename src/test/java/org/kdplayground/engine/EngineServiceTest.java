package org.kdplayground.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import org.junit.jupiter.api.Test;

class EngineServiceTest {

    @Test
    void realEngineLoadsOfflineOnCpuAndComputes() throws Exception {
        try (EngineService service = new EngineService(new DjlEngineLoader(1))) {
            List<EngineState> seen = new CopyOnWriteArrayList<>();
            service.addStatusListener(status -> seen.add(status.state()));

            EngineInfo info = service.start().get(120, TimeUnit.SECONDS);

            assertThat(info.engineName()).isEqualTo("PyTorch");
            assertThat(info.engineVersion()).isEqualTo("2.7.1");
            assertThat(info.djlVersion()).isEqualTo("0.36.0");
            assertThat(info.gpu()).isFalse();
            assertThat(info.deviceName()).isEqualTo("CPU");
            assertThat(info.intraOpThreads()).isEqualTo(1);
            assertThat(System.getProperty("ai.djl.offline")).isEqualTo("true");
            assertThat(service.status().isReady()).isTrue();
            assertThat(seen).containsExactly(EngineState.NOT_STARTED, EngineState.LOADING, EngineState.READY);

            // a small computation on the engine's worker thread: [[1,2],[3,4]] x [[5],[6]] = [[17],[39]]
            float[] product = service.submit(() -> {
                try (NDManager manager = NDManager.newBaseManager()) {
                    NDArray a = manager.create(new float[] {1, 2, 3, 4}, new Shape(2, 2));
                    NDArray b = manager.create(new float[] {5, 6}, new Shape(2, 1));
                    return a.matMul(b).toFloatArray();
                }
            }).get(30, TimeUnit.SECONDS);
            assertThat(product).containsExactly(17f, 39f);
        }
    }

    @Test
    void failedLoadIsReportedWithItsReasonAndTheServiceStaysUsable() throws Exception {
        EngineLoader broken = () -> {
            throw new IllegalStateException("wrapper",
                    new UnsatisfiedLinkError("libtorch.so: cannot open shared object file\nmore detail"));
        };
        try (EngineService service = new EngineService(broken)) {
            ExecutionException failure = assertThrows(ExecutionException.class,
                    () -> service.start().get(10, TimeUnit.SECONDS));
            assertThat(failure).hasRootCauseInstanceOf(UnsatisfiedLinkError.class);

            EngineStatus status = service.status();
            assertThat(status.state()).isEqualTo(EngineState.FAILED);
            assertThat(status.failure()).contains("libtorch.so: cannot open shared object file");
            assertThat(status.info()).isEmpty();
            // the worker still runs work that does not need the engine
            assertThat(service.submit(() -> 6 * 7).get(10, TimeUnit.SECONDS)).isEqualTo(42);
        }
    }

    @Test
    void startIsIdempotent() throws Exception {
        int[] loads = {0};
        EngineInfo fake = new EngineInfo("PyTorch", "2.7.1", "0.36.0", false, "CPU", 1, false);
        try (EngineService service = new EngineService(() -> {
            loads[0]++;
            return fake;
        })) {
            assertThat(service.start().get(10, TimeUnit.SECONDS)).isEqualTo(fake);
            assertThat(service.start().get(10, TimeUnit.SECONDS)).isEqualTo(fake);
            assertThat(loads[0]).isEqualTo(1);
        }
    }

    @Test
    void loaderRejectsFewerThanOneThread() {
        assertThrows(IllegalArgumentException.class, () -> new DjlEngineLoader(0));
    }
}
