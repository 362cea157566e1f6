package org.kdplayground.engine;

import java.util.Objects;
import java.util.Optional;

/**
 * The engine's state at one moment: loading, ready (with what it runs on) or failed (with the reason).
 *
 * @param state   the state
 * @param info    present when ready
 * @param failure present when failed: a one-line reason, no stack trace
 */
public record EngineStatus(EngineState state, Optional<EngineInfo> info, Optional<String> failure) {

    public EngineStatus {
        Objects.requireNonNull(state);
        Objects.requireNonNull(info);
        Objects.requireNonNull(failure);
    }

    public static EngineStatus notStarted() {
        return new EngineStatus(EngineState.NOT_STARTED, Optional.empty(), Optional.empty());
    }

    public static EngineStatus loading() {
        return new EngineStatus(EngineState.LOADING, Optional.empty(), Optional.empty());
    }

    public static EngineStatus ready(EngineInfo info) {
        return new EngineStatus(EngineState.READY, Optional.of(info), Optional.empty());
    }

    public static EngineStatus failed(String reason) {
        return new EngineStatus(EngineState.FAILED, Optional.empty(), Optional.of(reason));
    }

    public boolean isReady() {
        return state == EngineState.READY;
    }
}
