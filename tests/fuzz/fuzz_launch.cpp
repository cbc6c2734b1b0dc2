// libFuzzer target: fuzzLaunch (tests/fuzz/launchoracle.h), the export oracle.
#include "fuzz/launchoracle.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    planner::fuzz::fuzzLaunch(QByteArray(reinterpret_cast<const char *>(data), qsizetype(size)));
    return 0;
}
