#pragma once
// A server without GPUs runs a model on its CPUs (llama.cpp's CPU backend):
// the engine treats the CPU and the memory installed beside it as one device.
// Decode streams the weights from DDR memory, so its speed follows the
// memory bandwidth; prefill is matrix work on the cores' vector units.

#include "core/hardware/cpuspec.h"
#include "core/hardware/gpuspec.h"

namespace planner {

// `cpu` with `installedMemory` of RAM as the device a model runs on: memory
// the installed RAM, bandwidth one socket's (llama.cpp's threads do not
// scale across NUMA nodes without --numa; one socket is what it reliably
// gets), and an FP32/BF16 rate of cores x boost clock x the FLOPs each core's
// vector units issue per cycle. A figure the CPU's row lacks stays 0, and the
// estimate that needs it is unknown.
GpuSpec cpuAsDevice(const CpuSpec &cpu, units::Bytes installedMemory);

// FLOPs per core per cycle at FP32: two fused multiply-add pipes of 512 bits
// (16 lanes x 2 operations x 2 pipes) with AVX-512, of 256 bits with AVX2.
double vectorFlopsPerCycle(const CpuSpec &cpu);

} // namespace planner
