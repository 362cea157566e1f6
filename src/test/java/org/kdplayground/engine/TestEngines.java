package org.kdplayground.engine;

import java.util.concurrent.TimeUnit;

/** The real engine as the screen tests and probes use it: PyTorch with one intra-op thread, loaded and ready. */
public final class TestEngines {

    private TestEngines() {
    }

    /** A started engine service (the caller closes it); waits up to two minutes for PyTorch to load. */
    public static EngineService started() throws Exception {
        EngineService engine = new EngineService(new DjlEngineLoader(1));
        engine.start().get(120, TimeUnit.SECONDS);
        return engine;
    }
}
