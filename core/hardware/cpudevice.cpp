#include "core/hardware/cpudevice.h"

namespace planner {

double vectorFlopsPerCycle(const CpuSpec &cpu)
{
    // Intel 64 and IA-32 Architectures Optimization Reference Manual (two
    // 512-bit FMA units on server cores) and AMD's Zen 5 software optimization
    // guide (two 512-bit FMA pipes). Zen 4 splits a 512-bit operation over two
    // 256-bit halves, which this figure does not model.
    constexpr double kFmaPipes = 2;
    constexpr double kOperationsPerFma = 2;
    const double lanes = cpu.avx512 ? 16 : 8; // FP32 lanes of a 512- or 256-bit register
    return kFmaPipes * kOperationsPerFma * lanes;
}

GpuSpec cpuAsDevice(const CpuSpec &cpu, units::Bytes installedMemory)
{
    GpuSpec device;
    device.id = cpu.id;
    device.name = cpu.name;
    device.vendor = cpu.vendor;
    device.memoryType = cpu.memoryType;
    device.memory = installedMemory;
    device.usableMemory = installedMemory;
    device.memoryBandwidth = cpu.memoryBandwidth;
    device.fp32 = units::teraflopsPerSecond(cpu.cores * cpu.boostGhz * vectorFlopsPerCycle(cpu) / 1000);
    // llama.cpp's CPU matmuls run on the same vector units (FP32 after
    // dequantizing, or int8 dot products on quantized activations); the FP32
    // rate is taken and the calibrated efficiency absorbs the difference.
    device.bf16 = device.fp32;
    device.tdp = cpu.tdp;
    device.formFactor = "CPU";
    device.runsOnCpu = true;
    device.price = cpu.price;
    device.source = cpu.source;
    return device;
}

} // namespace planner
