package org.kdplayground.engine;

/** Loads the deep-learning engine and checks that it computes; a seam so tests can make loading fail. */
@FunctionalInterface
public interface EngineLoader {

    /**
     * Loads the engine on the calling thread (the engine's worker).
     *
     * @throws Exception with a message a user can act on when the engine cannot run
     */
    EngineInfo load() throws Exception;
}
