// libFuzzer target: fuzzSafetensors (tests/fuzz/fuzzharness.h). The reader takes a path,
// so each input is written to one scratch file first.
#include "fuzz/fuzzharness.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    static planner::fuzz::ScratchFile scratch(QStringLiteral(".safetensors"));
    planner::fuzz::fuzzSafetensors(scratch, QByteArray(reinterpret_cast<const char *>(data), qsizetype(size)));
    return 0;
}
