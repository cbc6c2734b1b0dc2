#pragma once
// The largest counts of hardware the planner takes, from anywhere (plan
// files, the command line, the desktop). The largest clusters announced by
// 2026 hold a few hundred thousand GPUs; 2^20 leaves room for any plan while
// keeping every product the engine forms from counts (servers x GPUs x parts
// x bytes) far inside 64-bit integers, and a count of 2,147,483,647 from a
// corrupted file from looping for minutes.

#include <cstdint>

namespace planner {

inline constexpr std::int64_t kMaxGpus = 1 << 20;
// Servers, and any part counted per cluster (NICs, drives), at most one per GPU's worth.
inline constexpr std::int64_t kMaxHardwareCount = kMaxGpus;

} // namespace planner
