package org.kdplayground;

/**
 * System properties every run of the app needs before DJL loads: no network (DJL's usage tracking would
 * otherwise probe a cloud metadata address at engine start) and the PyTorch thread counts measured fastest on
 * small machines. A property given on the command line ({@code -Dname=value}) wins.
 */
public final class RuntimeDefaults {

    /** Intra-op threads: one is fastest for the small networks of the presets (docs/performance.md, "Threads"). */
    public static final int DEFAULT_INTRA_OP_THREADS = 1;

    private RuntimeDefaults() {
    }

    public static void apply() {
        setIfAbsent("ai.djl.offline", "true");
        setIfAbsent("OPT_OUT_TRACKING", "true");
        setIfAbsent("ai.djl.pytorch.num_threads", Integer.toString(DEFAULT_INTRA_OP_THREADS));
        setIfAbsent("ai.djl.pytorch.num_interop_threads", "1");
    }

    static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
