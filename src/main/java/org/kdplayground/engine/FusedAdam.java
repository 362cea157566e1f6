package org.kdplayground.engine;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.engine.PtNDManager;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.IValue;
import ai.djl.pytorch.jni.JniUtils;

/**
 * PyTorch's Adam, as {@code torch.optim.Adam(params, lr, fused=True)} computes it: β = (0.9, 0.999), ε = 1e-8 added
 * to √v̂ after the bias correction, no weight decay, all of a network's parameters in one call and one pass over each.
 *
 * <p>DJL's own Adam ({@code Optimizer.adam()}) makes one native call per parameter, clones the gradient and makes
 * four temporaries (eleven passes over each parameter against the fused kernel's one), and folds the bias correction
 * into the learning rate, so its ε differs from PyTorch's. DJL has no call for libtorch's fused kernel
 * {@code aten::_fused_adam_}, but libtorch compiles TorchScript: the function in {@code fused-adam.torchscript}
 * calls it, and this class packs that source into a TorchScript archive in memory and has libtorch load it once per
 * JVM. The function has no parameters of its own, so one loaded copy serves every network on every device. It reads
 * each weight's gradient itself (no handle per gradient crosses into Java), and {@link #step(List)} steps several
 * networks in one call: the students' phase makes one call a step for both students.
 */
final class FusedAdam {

    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPSILON = 1e-8;
    private static final String SCRIPT = "fused-adam.torchscript";

    private static PtSymbolBlock kernel;

    private final PtNDArray[] weights;
    private final PtNDArray[] firstMoments;
    private final PtNDArray[] secondMoments;
    private final PtNDArray[] steps;
    private final double learningRate;

    /** Adam's state (both moments zero, step 0) for these weights, held by {@code manager}. */
    FusedAdam(NDManager manager, List<NDArray> weights, double learningRate) {
        this.learningRate = learningRate;
        int n = weights.size();
        this.weights = new PtNDArray[n];
        firstMoments = new PtNDArray[n];
        secondMoments = new PtNDArray[n];
        steps = new PtNDArray[n];
        for (int i = 0; i < n; i++) {
            NDArray weight = weights.get(i);
            this.weights[i] = (PtNDArray) weight;
            firstMoments[i] = (PtNDArray) manager.zeros(weight.getShape(), weight.getDataType(), weight.getDevice());
            secondMoments[i] = (PtNDArray) manager.zeros(weight.getShape(), weight.getDataType(), weight.getDevice());
            steps[i] = (PtNDArray) manager.zeros(new Shape(), DataType.FLOAT32, weight.getDevice());
        }
        kernel(); // compiled now, with the network: a kernel that cannot load fails the run before its first step
    }

    /** One step from the weights' gradients, which it then sets to zero (the next backward adds to them). */
    void step() {
        step(List.of(this));
    }

    /**
     * One step of each optimizer in one call to the kernel (the students step together: one native call instead of
     * two). The kernel treats each parameter apart, with its own step count, so each network moves exactly as its own
     * {@link #step()} would move it.
     *
     * @throws IllegalArgumentException if the optimizers' learning rates differ
     */
    static void step(List<FusedAdam> optimizers) {
        double learningRate = optimizers.get(0).learningRate;
        int n = 0;
        for (FusedAdam adam : optimizers) {
            if (adam.learningRate != learningRate) {
                throw new IllegalArgumentException("one step needs one learning rate: " + learningRate + ", "
                        + adam.learningRate);
            }
            n += adam.weights.length;
        }
        PtNDArray[] weights = new PtNDArray[n];
        PtNDArray[] firstMoments = new PtNDArray[n];
        PtNDArray[] secondMoments = new PtNDArray[n];
        PtNDArray[] steps = new PtNDArray[n];
        int at = 0;
        for (FusedAdam adam : optimizers) {
            int count = adam.weights.length;
            System.arraycopy(adam.weights, 0, weights, at, count);
            System.arraycopy(adam.firstMoments, 0, firstMoments, at, count);
            System.arraycopy(adam.secondMoments, 0, secondMoments, at, count);
            System.arraycopy(adam.steps, 0, steps, at, count);
            at += count;
        }
        // the kernel reads each weight's gradient itself: no handle per gradient made and closed here
        IValue[] inputs = {IValue.listFrom(weights), IValue.listFrom(firstMoments), IValue.listFrom(secondMoments),
            IValue.listFrom(steps), IValue.from(learningRate), IValue.from(BETA1), IValue.from(BETA2),
            IValue.from(EPSILON)};
        try {
            kernel().forward(inputs).close();
        } finally {
            for (IValue input : inputs) {
                input.close();
            }
        }
    }

    private static synchronized PtSymbolBlock kernel() {
        if (kernel == null) {
            PtNDManager owner = (PtNDManager) NDManager.newBaseManager(Device.cpu()); // the JVM's, never closed
            try (InputStream archive = new ByteArrayInputStream(archive())) {
                kernel = JniUtils.loadModule(owner, archive, false, false);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return kernel;
    }

    /** A TorchScript archive holding the function's source: what {@code torch.jit.save} writes for such a module. */
    static byte[] archive() throws IOException {
        byte[] source;
        try (InputStream in = FusedAdam.class.getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new IOException("missing resource " + SCRIPT);
            }
            source = in.readAllBytes();
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            stored(zip, "fused_adam/data.pkl", moduleObject());
            stored(zip, "fused_adam/code/__torch__.py", source);
            stored(zip, "fused_adam/constants.pkl", new byte[] {(byte) 0x80, 2, ')', '.'}); // an empty tuple
            stored(zip, "fused_adam/version", "3\n".getBytes(StandardCharsets.US_ASCII));
        }
        return bytes.toByteArray();
    }

    /** The pickled module object: {@code __torch__.FusedAdam} with {@code training = True}, pickle protocol 2. */
    private static byte[] moduleObject() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x80); // PROTO 2
        out.write(2);
        out.writeBytes("c__torch__\nFusedAdam\n".getBytes(StandardCharsets.US_ASCII)); // GLOBAL
        out.write(')'); // EMPTY_TUPLE
        out.write(0x81); // NEWOBJ
        out.write('}'); // EMPTY_DICT
        out.write('X'); // BINUNICODE, 4-byte little-endian length
        byte[] key = "training".getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(new byte[] {(byte) key.length, 0, 0, 0});
        out.writeBytes(key);
        out.write(0x88); // NEWTRUE
        out.write('s'); // SETITEM
        out.write('b'); // BUILD
        out.write('.'); // STOP
        return out.toByteArray();
    }

    private static void stored(ZipOutputStream zip, String name, byte[] content) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(content.length);
        CRC32 crc = new CRC32();
        crc.update(content);
        entry.setCrc(crc.getValue());
        zip.putNextEntry(entry);
        zip.write(content);
        zip.closeEntry();
    }
}
