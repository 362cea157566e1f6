package org.kdplayground.engine;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.util.Locale;

import org.kdplayground.data.MemoryBudget;

/**
 * Refuses a teacher and student too large for this machine before either is allocated, with the sizes asked, what
 * they would need and what a run may take, so that a mistyped layer size ({@code [200000, 200000]}) is one clear line
 * instead of an OutOfMemoryError or a native allocation failure in libtorch.
 *
 * <p>The estimate, per network: 16 bytes per parameter (the float32 weight, its gradient and Adam's two moments) and
 * the float32 activations of one batch, three copies per layer (the layer's output, its activation, their gradient).
 * Teacher and student count together (the teacher stays in memory while the students train). The networks live in
 * libtorch's native memory, outside the Java heap, so the budget is half of this machine's physical memory (as the
 * JVM sees it: a container's limit where there is one); the other half is for the system, the JVM and the data.
 */
public final class NetworkBudget {

    static final long BYTES_PER_PARAMETER = 4L * Float.BYTES;
    static final long ACTIVATION_COPIES = 3;
    static final double SHARE = 0.5;

    private NetworkBudget() {
    }

    /** Bytes one network needs to train: its parameters with gradients and Adam's state, and a batch's activations. */
    public static long bytesFor(MlpSpec net, int inputs, int classes, int batchSize) {
        long units = classes;
        for (int layer : net.hidden()) {
            units += layer;
        }
        long parameters = net.parameterCount(inputs, classes);
        return saturatingAdd(saturatingMultiply(parameters, BYTES_PER_PARAMETER),
                saturatingMultiply(saturatingMultiply(batchSize, units), ACTIVATION_COPIES * Float.BYTES));
    }

    /**
     * Bytes a run may take here: half of the physical memory; {@link Long#MAX_VALUE} where it cannot be known. Asked
     * of the operating system once: the first call loads the JDK's management library, which waits for the C
     * library's loader lock while PyTorch's library loads (about 0.2 s of the window's build when the set-up panel
     * asked first; the app asks ahead, in {@code main}).
     */
    public static long allowed() {
        return PhysicalMemory.ALLOWED;
    }

    /** The operating system's answer, asked when first needed (the holder's class initialisation). */
    private static final class PhysicalMemory {

        static final long ALLOWED = ask();

        private static long ask() {
            try {
                OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
                if (os instanceof com.sun.management.OperatingSystemMXBean bean && bean.getTotalMemorySize() > 0) {
                    return (long) (bean.getTotalMemorySize() * SHARE);
                }
            } catch (LinkageError e) { // a runtime without jdk.management (the installers' runtime has it)
                // not known: no limit
            }
            return Long.MAX_VALUE;
        }
    }

    /** {@link #check(MlpSpec, MlpSpec, int, int, int, long)} against what this machine allows. */
    public static void check(MlpSpec teacher, MlpSpec student, int inputs, int classes, int batchSize) {
        check(teacher, student, inputs, classes, batchSize, allowed());
    }

    /**
     * @throws NetworkTooLargeException naming the larger network, its parameters, what both need and what is allowed
     */
    public static void check(MlpSpec teacher, MlpSpec student, int inputs, int classes, int batchSize,
                             long allowedBytes) {
        long need = saturatingAdd(bytesFor(teacher, inputs, classes, batchSize),
                bytesFor(student, inputs, classes, batchSize));
        if (need <= allowedBytes) {
            return;
        }
        boolean teacherLarger = teacher.parameterCount(inputs, classes) >= student.parameterCount(inputs, classes);
        MlpSpec larger = teacherLarger ? teacher : student;
        throw new NetworkTooLargeException(String.format(Locale.ROOT, "the %s %s has %,d parameters: teacher and"
                        + " student need about %s of memory to train (weights, gradients, Adam's state and the"
                        + " activations of a batch of %d), more than the %s a run may take on this machine; choose"
                        + " smaller hidden layers", teacherLarger ? "teacher" : "student",
                larger.describe(inputs, classes), larger.parameterCount(inputs, classes), MemoryBudget.size(need),
                batchSize, MemoryBudget.size(allowedBytes)), need, allowedBytes);
    }

    private static long saturatingMultiply(long a, long b) {
        long high = Math.multiplyHigh(a, b);
        long low = a * b;
        return (high == 0 && low >= 0) ? low : Long.MAX_VALUE;
    }

    private static long saturatingAdd(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }
}
