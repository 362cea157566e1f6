package org.kdplayground.engine;

import java.util.ArrayList;
import java.util.List;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;

/** A network with its own Adam optimizer, stepped by hand (no DJL {@code Trainer}: one less copy per step). */
final class TrainableNet {

    private final Block block;
    private final ParameterStore store;
    private final List<Parameter> parameters;
    private final FusedAdam optimizer;

    /** A freshly initialised network; its weights come from the engine's random seed at this moment. */
    TrainableNet(NDManager manager, MlpSpec spec, int inputs, int classes, float learningRate) {
        block = spec.build(inputs, classes);
        block.initialize(manager, DataType.FLOAT32, new Shape(1, inputs));
        store = new ParameterStore(manager, false);
        parameters = new ArrayList<>(block.getParameters().values());
        optimizer = new FusedAdam(manager, parameters.stream().map(Parameter::getArray).toList(), learningRate);
    }

    NDArray forward(NDArray x, boolean training) {
        return block.forward(store, new NDList(x), training).singletonOrThrow();
    }

    /** One Adam step from the gradients of the last backward; it zeroes them. */
    void update() {
        optimizer.step();
    }

    /** {@link #update()} of both networks in one call to the optimizer's kernel: each moves as its own would. */
    static void updateTogether(TrainableNet first, TrainableNet second) {
        FusedAdam.step(List.of(first.optimizer, second.optimizer));
    }

    /** The parameters as Java arrays, in {@code Block#getParameters()} order. */
    List<float[]> export() {
        List<float[]> out = new ArrayList<>();
        for (Parameter p : parameters) {
            out.add(p.getArray().toFloatArray());
        }
        return out;
    }

    void load(List<float[]> values) {
        for (int i = 0; i < parameters.size(); i++) {
            parameters.get(i).getArray().set(values.get(i));
        }
    }
}
