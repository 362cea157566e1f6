package org.kdplayground.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.util.cuda.CudaUtils;

/**
 * Loads DJL's PyTorch engine offline and proves it works with one small computation. GPU when DJL counts one,
 * CPU otherwise. The thread counts must be set before the first load, so they are set here, from the setting.
 */
public final class DjlEngineLoader implements EngineLoader {

    public static final String ENGINE_NAME = "PyTorch";

    private final int intraOpThreads;

    public DjlEngineLoader(int intraOpThreads) {
        if (intraOpThreads < 1) {
            throw new IllegalArgumentException("intra-op threads must be at least 1, was " + intraOpThreads);
        }
        this.intraOpThreads = intraOpThreads;
    }

    @Override
    public EngineInfo load() {
        NativeAllocator.tune();
        System.setProperty("ai.djl.offline", "true");
        System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(intraOpThreads));
        if (System.getProperty("ai.djl.pytorch.num_interop_threads") == null) {
            System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        }
        Engine engine = Engine.getEngine(ENGINE_NAME);
        boolean gpu = engine.getGpuCount() > 0;
        Device device = gpu ? Device.gpu() : Device.cpu();
        try (NDManager manager = NDManager.newBaseManager(device, ENGINE_NAME)) {
            NDArray a = manager.create(new float[] {1f, 2f, 3f});
            float sum = a.mul(a).sum().getFloat(); // 1 + 4 + 9: the natives really compute
            if (sum != 14f) {
                throw new IllegalStateException("the engine computed 1²+2²+3² = " + sum);
            }
        }
        String deviceName = gpu ? gpuName(device) : "CPU";
        boolean gpuUnused = !gpu && (cudaGpuCount() > 0 || nvidiaDriverSeesGpu());
        return new EngineInfo(ENGINE_NAME, engine.getVersion(), Engine.getDjlVersion(), gpu, deviceName,
                intraOpThreads, gpuUnused);
    }

    private static String gpuName(Device device) {
        try {
            String capability = CudaUtils.getComputeCapability(device.getDeviceId());
            return "GPU " + device.getDeviceId() + " (CUDA, compute capability " + capability + ")";
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            return "GPU " + device.getDeviceId() + " (CUDA)";
        }
    }

    /**
     * Whether the NVIDIA driver reports a GPU, without a CUDA runtime installed. {@link CudaUtils} only finds a GPU
     * through the CUDA runtime library (cudart), which a teacher's machine with just the graphics driver lacks;
     * libtorch's CUDA build brings its own runtime, so such a machine can still train on its GPU.
     */
    static boolean nvidiaDriverSeesGpu() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String windir = System.getenv().getOrDefault("SystemRoot", "C:\\Windows");
            return Files.isRegularFile(Path.of(windir, "System32", "nvidia-smi.exe"));
        }
        return hasGpuEntries(Path.of("/proc/driver/nvidia/gpus"));
    }

    /** Linux: the driver lists one folder per GPU in {@code /proc/driver/nvidia/gpus}. */
    static boolean hasGpuEntries(Path gpus) {
        try (var entries = Files.list(gpus)) {
            return entries.findAny().isPresent();
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** GPUs the CUDA runtime sees, whatever build of PyTorch is loaded; 0 when there is no CUDA at all. */
    private static int cudaGpuCount() {
        try {
            return CudaUtils.hasCuda() ? CudaUtils.getGpuCount() : 0;
        } catch (RuntimeException | LinkageError e) {
            return 0;
        }
    }
}
