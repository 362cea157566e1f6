package org.kdplayground.engine;

/**
 * What the loaded engine runs on.
 *
 * @param engineName      DJL's engine name ("PyTorch")
 * @param engineVersion   the libtorch version the engine loaded
 * @param djlVersion      DJL's version
 * @param gpu             whether training runs on a GPU
 * @param deviceName      "CPU", or the GPU's description
 * @param intraOpThreads  PyTorch intra-op threads in use
 * @param gpuPresentButUnused a CUDA GPU is in the machine but the CPU build of PyTorch is loaded
 */
public record EngineInfo(String engineName, String engineVersion, String djlVersion, boolean gpu,
                         String deviceName, int intraOpThreads, boolean gpuPresentButUnused) {
}
