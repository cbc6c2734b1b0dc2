// libFuzzer target: fuzzHfConfig (tests/fuzz/fuzzharness.h).
#include "fuzz/fuzzharness.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    planner::fuzz::fuzzHfConfig(QByteArray(reinterpret_cast<const char *>(data), qsizetype(size)));
    return 0;
}
