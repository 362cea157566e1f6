package org.kdplayground.engine.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * A loss's constants as float32 scalar NDArrays, made once in a manager of their own: DJL's {@code mul(Number)} frees
 * its scalar before backward reads it (djl-facts.md, pitfall 1). Step arrays come first in each operation, so results
 * belong to the step's manager, not to this one.
 */
final class Scalars implements AutoCloseable {

    private final NDManager manager;

    Scalars(NDManager parent) {
        manager = parent.newSubManager();
    }

    /** {@code value}, rounded to float once, as PyTorch rounds a Python float. */
    NDArray of(double value) {
        return manager.full(new Shape(), (float) value, DataType.FLOAT32);
    }

    @Override
    public void close() {
        manager.close();
    }
}
