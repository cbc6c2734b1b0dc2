#pragma once
// GpuSpec: the figures of one accelerator that sizing and performance use.
//
// Until the SQLite catalogue lands, builtinGpus() holds a small sourced table;
// the catalogue will fill the same struct from its rows.

#include "core/hardware/price.h"
#include "core/model/precision.h"
#include "core/units/units.h"
#include "core/util/message.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace planner {

struct GpuSpec {
    std::string id;   // e.g. "h100-sxm"
    std::string name; // e.g. "NVIDIA H100 SXM5 80GB"
    std::string vendor;
    std::string memoryType;                // HBM3, GDDR6X, LPDDR5, ...
    units::Bytes memory = units::bytes(0); // capacity as the datasheet prints it
    // What CUDA reports as total memory (torch.cuda.mem_get_info), which is what
    // an engine can allocate from: the datasheet's "80GB" is 80 GiB of HBM less
    // the driver's reservation. Fit is judged against this figure.
    units::Bytes usableMemory = units::bytes(0);
    // A unified-memory machine (Apple M-series, DGX Spark, Ryzen AI Max): the
    // share of `memory` its GPU may use by default; usableMemory is that share.
    // nullopt for a discrete GPU.
    std::optional<double> gpuMemoryShare;
    units::BytesPerSecond memoryBandwidth = units::gigabytesPerSecond(0);
    // Dense (no sparsity) tensor throughput by compute precision; zero where the
    // chip has no such path.
    units::FlopsPerSecond fp32 = units::teraflopsPerSecond(0);
    units::FlopsPerSecond bf16 = units::teraflopsPerSecond(0);
    units::FlopsPerSecond fp8 = units::teraflopsPerSecond(0);
    units::FlopsPerSecond int8 = units::teraflopsPerSecond(0);
    units::FlopsPerSecond fp4 = units::teraflopsPerSecond(0);
    units::FlopsPerSecond fp6 = units::teraflopsPerSecond(0); // MI350, Blackwell Ultra; no weight format uses it yet
    units::Watts tdp = units::watts(0);
    units::FlopsPerSecond tf32 = units::teraflopsPerSecond(0);
    std::string interconnect;                                             // e.g. "NVLink4", "PCIe", "Infinity Fabric"
    units::BytesPerSecond nvlinkBandwidth = units::gigabytesPerSecond(0); // per GPU, both directions
    int pcieGeneration = 0;
    int pcieLanes = 0;
    std::string formFactor; // SXM, PCIe, OAM, module
    // A CPU and its RAM standing in for a GPU (core/hardware/cpudevice.h): a
    // server without GPUs, run by llama.cpp's CPU backend. Never stored.
    bool runsOnCpu = false;
    OptionalPrice price; // list or street price of one GPU
    std::string source;

    // Throughput for a precision, falling back to the path engines use where
    // the chip lacks it (an FP8 model on an A100 runs its matmuls in BF16, an
    // NVFP4 or MXFP4 one on an H100 too: W4A16), but never from
    // 16-bit to FP32: every GPU that serves LLMs has a 16-bit tensor path, so a
    // missing BF16 figure is a gap in the catalogue (zero), not a slower path.
    units::FlopsPerSecond throughput(ComputePrecision precision) const;
    bool hasHighBandwidthMemory() const { return memoryType.rfind("HBM", 0) == 0; }
};

// The generation of a chip's kernels, which sets how close engines come to its
// peaks. Told from the figures the catalogue holds rather than from names: an
// NVIDIA chip with FP4 tensor cores is Blackwell, one with FP8 and HBM is
// Hopper, FP8 without HBM Ada; an AMD HBM chip with FP4 is CDNA 4, with FP8
// CDNA 3.
enum class GpuFamily {
    NvidiaAmpereOrOlder,
    NvidiaAda,
    NvidiaHopper,
    NvidiaBlackwell,
    AmdCdna3,
    AmdCdna4,
    AmdOther, // CDNA 2, RDNA and the Ryzen AI APUs
    Apple,
    Cpu,
    Other // Intel, TPU, Trainium
};
GpuFamily gpuFamily(const GpuSpec &gpu);
std::string_view toString(GpuFamily family);

// The memory CUDA reports for a card: nvidia-smi's total less the driver's
// reservation. Without an nvidia-smi figure the datasheet's GB are taken as
// GiB, which is how GPU memory is built (an "80GB" H100 has 80 GiB of HBM).
units::Bytes usableGpuMemory(double datasheetGB, std::optional<double> nvidiaSmiMiB);
units::Bytes nvidiaSmiTotal(units::Bytes usableMemory); // the inverse, for storing
// The memory a unified-memory machine's GPU may use: its share of the memory,
// which is built in GiB like a GPU's (a "512GB" Mac Studio has 512 GiB).
units::Bytes unifiedGpuMemory(double datasheetGB, double share);

// For a unified-memory machine: the GPU's share of the memory, its size, and
// how the platform raises it; nullopt for a discrete GPU.
std::optional<Message> gpuMemoryShareNote(const GpuSpec &gpu);

// The figure a GPU's catalogue row lacks for sizing a deployment (its memory)
// or for timing one in a compute precision (memory bandwidth, the tensor
// rate); nullopt when it has it. The estimate is then unknown, never zero.
std::optional<Message> missingMemoryFigure(const GpuSpec &gpu);
std::optional<Message> missingSpeedFigure(const GpuSpec &gpu, ComputePrecision precision);

const std::vector<GpuSpec> &builtinGpus();
std::optional<GpuSpec> findBuiltinGpu(std::string_view id);

} // namespace planner
