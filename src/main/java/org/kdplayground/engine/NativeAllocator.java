package org.kdplayground.engine;

import java.util.Locale;

import com.sun.jna.Library;
import com.sun.jna.Native;

/**
 * Keeps glibc's allocator from handing libtorch's large tensors back to the kernel after every step.
 *
 * <p>glibc serves an allocation above its mmap threshold (128 KiB at first) with a fresh {@code mmap} and unmaps it on
 * free; it raises the threshold as large blocks are freed, but slowly, and it trims the heap's free top (above 128 KiB)
 * back to the kernel too. A 784-1200-1200-10 network's weights, gradients, Adam state and batch activations are blocks
 * of 0.6 to 4 MB, so for the first epochs every training step maps, faults in page by page, and unmaps the same
 * memory again: about two thirds of the CPU time went to the kernel (measurements in {@code docs/performance.md}).
 * Fixing both thresholds (which also turns glibc's adaptation off) keeps that memory in the process for reuse.
 *
 * <p>Linux with glibc only: {@code mallopt} is glibc's; macOS's and Windows' allocators have no such threshold, and
 * musl has no {@code mallopt} (the call is then skipped). Called once, before the engine loads. The system property
 * {@value #PROPERTY} set to {@code false} leaves glibc's defaults (for measuring the difference).
 */
public final class NativeAllocator {

    public static final String PROPERTY = "kd.mallocTuning";
    /** Blocks up to this size come from the reusable heap; glibc's largest allowed value on 64-bit systems. */
    static final int MMAP_THRESHOLD = 32 << 20;
    /** Free memory at the heap's top kept for the next step before any is returned to the kernel. */
    static final int TRIM_THRESHOLD = 256 << 20;
    private static final int M_TRIM_THRESHOLD = -1;
    private static final int M_MMAP_THRESHOLD = -3;

    /** glibc's tuning call, through JNA (which DJL already brings). */
    private interface GlibC extends Library {
        int mallopt(int param, int value);
    }

    /** What {@link #tune} did, for the engine's log and the About screen. */
    public enum Outcome { TUNED, NOT_GLIBC, DISABLED, REFUSED }

    private static Outcome outcome;

    private NativeAllocator() {
    }

    /** Sets glibc's thresholds once per process (later calls return the first call's outcome). */
    public static synchronized Outcome tune() {
        if (outcome == null) {
            outcome = apply();
        }
        return outcome;
    }

    /** What the first {@link #tune} did, or {@code null} before any call. */
    public static synchronized Outcome outcome() {
        return outcome;
    }

    /** Forgets the first call's outcome, so a test can see whether a later caller tunes (glibc keeps its values). */
    static synchronized void forget() {
        outcome = null;
    }

    static Outcome apply() {
        if ("false".equalsIgnoreCase(System.getProperty(PROPERTY))) {
            return Outcome.DISABLED;
        }
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
            return Outcome.NOT_GLIBC;
        }
        try {
            GlibC libc = Native.load("c", GlibC.class);
            boolean mmap = libc.mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD) == 1;
            boolean trim = libc.mallopt(M_TRIM_THRESHOLD, TRIM_THRESHOLD) == 1;
            return mmap && trim ? Outcome.TUNED : Outcome.REFUSED;
        } catch (UnsatisfiedLinkError | RuntimeException e) { // musl, or no JNA native support: glibc's defaults
            return Outcome.NOT_GLIBC;
        }
    }
}
