#include "core/hardware/gpuspec.h"
#include "core/util/text.h"

#include <cmath>

namespace planner {

namespace {

// The CUDA driver keeps ~0.43 GiB of the memory nvidia-smi lists: H100 SXM
// 81,559 MiB (79.65 GiB) shows as 79.22 GiB and RTX 3090 24,576 MiB as 23.58 GiB
// in vLLM's "total_gpu_memory" log lines (vllm-project/vllm PR #10511, #10517).
constexpr double kDriverReservedGiB = 0.43;

GpuSpec gpu(std::string id, std::string name, std::string memoryType, double memoryGB, double nvidiaSmiMiB,
            double bandwidthGBps, double fp32, double bf16, double fp8, double int8, double fp4, double tdp,
            std::string interconnect, double nvlinkGBps, int pcieGeneration, std::string source)
{
    using namespace units;
    GpuSpec g;
    g.id = std::move(id);
    g.name = std::move(name);
    g.vendor = "NVIDIA";
    g.memoryType = std::move(memoryType);
    g.memory = gigabytes(memoryGB);
    g.usableMemory = usableGpuMemory(memoryGB, nvidiaSmiMiB);
    g.memoryBandwidth = gigabytesPerSecond(bandwidthGBps);
    g.fp32 = teraflopsPerSecond(fp32);
    g.bf16 = teraflopsPerSecond(bf16);
    g.fp8 = teraflopsPerSecond(fp8);
    g.int8 = teraflopsPerSecond(int8);
    g.fp4 = teraflopsPerSecond(fp4);
    g.tdp = watts(tdp);
    g.interconnect = std::move(interconnect);
    g.nvlinkBandwidth = gigabytesPerSecond(nvlinkGBps);
    g.pcieGeneration = pcieGeneration;
    g.pcieLanes = 16;
    g.source = std::move(source);
    return g;
}

std::vector<GpuSpec> makeGpus()
{
    // Dense TFLOPS; datasheet memory in GB as printed, then the total nvidia-smi
    // lists in MiB (H100 81,559; H200 143,771 per sglang #3196; A100 81,920;
    // L40S 46,068 with ECC; RTX 4090 24,564).
    return {
        gpu("h100-sxm", "NVIDIA H100 SXM5 80GB", "HBM3", 80, 81559, 3350, 67, 989, 1979, 1979, 0, 700, "NVLink4", 900,
            5, "NVIDIA H100 Tensor Core GPU datasheet (2023)"),
        gpu("h200", "NVIDIA H200 SXM 141GB", "HBM3e", 141, 143771, 4800, 67, 989, 1979, 1979, 0, 700, "NVLink4", 900, 5,
            "NVIDIA H200 Tensor Core GPU datasheet (2024)"),
        gpu("a100-80gb", "NVIDIA A100 SXM4 80GB", "HBM2e", 80, 81920, 2039, 19.5, 312, 0, 624, 0, 400, "NVLink3", 600,
            4, "NVIDIA A100 Tensor Core GPU datasheet (2021)"),
        gpu("l40s", "NVIDIA L40S 48GB", "GDDR6", 48, 46068, 864, 91.6, 362, 733, 733, 0, 350, "PCIe", 0, 4,
            "NVIDIA L40S datasheet (2023)"),
        // 165.2 is the FP32-accumulate tensor rate from the Ada whitepaper.
        gpu("rtx-4090", "NVIDIA GeForce RTX 4090 24GB", "GDDR6X", 24, 24564, 1008, 82.6, 165.2, 330.3, 660.6, 0, 450,
            "PCIe", 0, 4, "NVIDIA Ada Lovelace architecture whitepaper v1.01, appendix A"),
    };
}

} // namespace

units::Bytes usableGpuMemory(double datasheetGB, std::optional<double> nvidiaSmiMiB)
{
    const units::Bytes listed = nvidiaSmiMiB ? units::mebibytes(*nvidiaSmiMiB) : units::gibibytes(datasheetGB);
    return listed - units::gibibytes(kDriverReservedGiB);
}

units::Bytes nvidiaSmiTotal(units::Bytes usableMemory)
{
    return usableMemory + units::gibibytes(kDriverReservedGiB);
}

units::Bytes unifiedGpuMemory(double datasheetGB, double share)
{
    return units::gibibytes(datasheetGB) * share;
}

std::optional<Message> gpuMemoryShareNote(const GpuSpec &gpu)
{
    if (!gpu.gpuMemoryShare)
        return std::nullopt;
    const std::string percent = plainNumber(std::round(*gpu.gpuMemoryShare * 1000) / 10);
    const std::string total = plainNumber(std::round(units::inGB(gpu.memory)));
    const std::string usable = plainNumber(std::round(units::inGiB(gpu.usableMemory) * 10) / 10);
    // How each platform raises the limit: macOS's GPU wired-memory limit, in
    // MiB (gpustack/gpustack#1375; Metal's recommendedMaxWorkingSetSize
    // follows it, antirez/ds4#890); the amdgpu driver's GTT size on Linux
    // (the ttm.pages_limit kernel parameter, noamsto/nix-amd-ai#42) or the
    // firmware's dedicated carve-out. DGX Spark's CUDA allocates from the memory as a whole.
    if (gpu.vendor == "Apple")
        return Message{QT_TRANSLATE_NOOP("Core",
                                         "the GPU may use %1 % of the %2 GB unified memory by default (%3 GiB); "
                                         "macOS raises the limit with sudo sysctl iogpu.wired_limit_mb=<MiB>"),
                       {percent, total, usable}};
    if (gpu.vendor == "AMD")
        return Message{QT_TRANSLATE_NOOP("Core",
                                         "the GPU may use %1 % of the %2 GB unified memory by default (%3 GiB); "
                                         "Linux raises it with the ttm.pages_limit kernel parameter, or the "
                                         "firmware's dedicated memory setting"),
                       {percent, total, usable}};
    return Message{QT_TRANSLATE_NOOP("Core", "the GPU may use %1 % of the %2 GB unified memory (%3 GiB)"),
                   {percent, total, usable}};
}

units::FlopsPerSecond GpuSpec::throughput(ComputePrecision precision) const
{
    const units::FlopsPerSecond zero = units::teraflopsPerSecond(0);
    switch (precision) {
    case ComputePrecision::Fp4:
        // Without FP4 tensor cores, engines dequantize FP4 weights to BF16 in
        // their kernels (vLLM and SGLang fall back to Marlin W4A16 there,
        // vllm-project/vllm#49376, sgl-project/sglang#19652), so the
        // arithmetic is BF16, not FP8.
        return fp4 > zero ? fp4 : bf16;
    case ComputePrecision::Fp8:
        if (fp8 > zero)
            return fp8;
        [[fallthrough]];
    case ComputePrecision::Int8:
        if (precision == ComputePrecision::Int8 && int8 > zero)
            return int8;
        [[fallthrough]];
    case ComputePrecision::Bf16: return bf16;
    case ComputePrecision::Fp32: return fp32;
    }
    return fp32;
}

std::optional<Message> missingMemoryFigure(const GpuSpec &gpu)
{
    if (gpu.usableMemory > units::bytes(0))
        return std::nullopt;
    return Message{QT_TRANSLATE_NOOP("Core", "%1 has no memory capacity in the catalogue"), {gpu.name}};
}

std::optional<Message> missingSpeedFigure(const GpuSpec &gpu, ComputePrecision precision)
{
    if (gpu.memoryBandwidth <= units::gigabytesPerSecond(0))
        return Message{QT_TRANSLATE_NOOP("Core", "%1 has no memory bandwidth in the catalogue"), {gpu.name}};
    if (gpu.throughput(precision) <= units::teraflopsPerSecond(0)) {
        // The rate asked for is the widest path the precision falls back to.
        const ComputePrecision asked = precision == ComputePrecision::Fp32 ? precision : ComputePrecision::Bf16;
        return Message{QT_TRANSLATE_NOOP("Core", "%1 has no %2 rate in the catalogue"),
                       {gpu.name, std::string(toString(asked))}};
    }
    return std::nullopt;
}

const std::vector<GpuSpec> &builtinGpus()
{
    static const std::vector<GpuSpec> gpus = makeGpus();
    return gpus;
}

std::optional<GpuSpec> findBuiltinGpu(std::string_view id)
{
    const std::string key = toLower(id);
    for (const GpuSpec &g : builtinGpus())
        if (g.id == key)
            return g;
    return std::nullopt;
}

GpuFamily gpuFamily(const GpuSpec &gpu)
{
    const auto has = [](units::FlopsPerSecond rate) { return rate > units::teraflopsPerSecond(0); };
    if (gpu.runsOnCpu)
        return GpuFamily::Cpu;
    if (gpu.vendor == "Apple")
        return GpuFamily::Apple;
    if (gpu.vendor == "NVIDIA") {
        if (has(gpu.fp4))
            return GpuFamily::NvidiaBlackwell;
        if (has(gpu.fp8))
            return gpu.hasHighBandwidthMemory() ? GpuFamily::NvidiaHopper : GpuFamily::NvidiaAda;
        return GpuFamily::NvidiaAmpereOrOlder;
    }
    if (gpu.vendor == "AMD") {
        if (gpu.hasHighBandwidthMemory() && has(gpu.fp4))
            return GpuFamily::AmdCdna4;
        if (gpu.hasHighBandwidthMemory() && has(gpu.fp8))
            return GpuFamily::AmdCdna3;
        return GpuFamily::AmdOther;
    }
    return GpuFamily::Other;
}

std::string_view toString(GpuFamily family)
{
    switch (family) {
    case GpuFamily::NvidiaAmpereOrOlder: return "NVIDIA Ampere or older";
    case GpuFamily::NvidiaAda: return "NVIDIA Ada";
    case GpuFamily::NvidiaHopper: return "NVIDIA Hopper";
    case GpuFamily::NvidiaBlackwell: return "NVIDIA Blackwell";
    case GpuFamily::AmdCdna3: return "AMD CDNA 3";
    case GpuFamily::AmdCdna4: return "AMD CDNA 4";
    case GpuFamily::AmdOther: return "AMD other";
    case GpuFamily::Apple: return "Apple";
    case GpuFamily::Cpu: return "CPU";
    case GpuFamily::Other: return "other";
    }
    return "?";
}

} // namespace planner
