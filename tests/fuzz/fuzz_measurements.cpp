// libFuzzer target: fuzzMeasurements (tests/fuzz/fuzzharness.h), the CSV a
// user gives `calibrate`, read against the shipped catalogue.
#include "fuzz/fuzzharness.h"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    static const planner::Catalogue::OpenResult opened = planner::Catalogue::open({});
    if (!opened.catalogue) {
        std::fprintf(stderr, "cannot open the catalogue: %s\n", qPrintable(opened.error));
        std::abort();
    }
    planner::fuzz::fuzzMeasurements(*opened.catalogue,
                                    QByteArray(reinterpret_cast<const char *>(data), qsizetype(size)));
    return 0;
}
