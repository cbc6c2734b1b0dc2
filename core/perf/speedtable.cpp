#include "core/perf/speedtable.h"

#include "core/perf/perfmodel.h"

#include <algorithm>

namespace planner {

namespace {

SpeedTable makeShippedTable()
{
    SpeedTable t;
    // Fitted by `planner-accuracy --fit` (from priorSpeedTable()) on
    // 2026-12-06 to the 135 fit-set cases of tests/fixtures/measurements/serving
    // without a request rate: rms log error 0.725 -> 0.392. Columns: compute,
    // memory and HBM shares, GEMM half-saturation rows, attention share; host
    // seconds per step, per sequence, per layer and per request; the range's
    // faster and slower bounds (5th and 95th percentiles of measured / predicted).
    // clang-format off
    t.engines = {
        {"vllm", 0.424, 0.827, 1, 47.3, 0.439, 0.000336, 0.000159, 0, 0.0429, 0.721, 1.7},
        {"sglang", 0.958, 0.566, 1, 0, 0.715, 0.00157, 0.000106, 0, 0.123, 0.38, 2.23},
        {"tensorrt-llm", 0.729, 0.917, 1, 38.9, 0.479, 0.0064, 1.12e-05, 0, 0.0966, 0.587, 1.43},
        {"llama.cpp", 0.458, 0.734, 0.841, 16, 0.5, 0.00263, 1.76e-05, 0, 0, 0.767, 1.51},
        {"transformers", 0.6, 0.775, 1, 0, 0.5, 0.000262, 0.000756, 0.000574, 0, 0.8, 1.25},
    };
    t.families = {
        {GpuFamily::NvidiaAmpereOrOlder, 0.927, 0.907},
        {GpuFamily::NvidiaAda, 1.13, 1.15},
        {GpuFamily::NvidiaHopper, 1, 1},
        {GpuFamily::NvidiaBlackwell, 1.04, 1.09},
        {GpuFamily::AmdCdna3, 1.01, 0.539},
        {GpuFamily::AmdCdna4, 1, 1.04},
        {GpuFamily::AmdOther, 1, 1},
        {GpuFamily::Apple, 1, 1},
        {GpuFamily::Other, 1, 1},
    };
    // clang-format on
    t.fp8Share = 1;
    t.fp4Share = 0.771;
    t.network = 1;
    t.source = "engine and GPU-family terms fitted by planner-accuracy --fit to the published serving "
               "measurements in tests/fixtures/measurements/serving";
    return t;
}

} // namespace

SpeedTable priorSpeedTable()
{
    SpeedTable t = shippedSpeedTable();
    for (EngineSpeedTerms &e : t.engines) {
        const std::string id = e.engine;
        e = EngineSpeedTerms{};
        e.engine = id;
        e.memory = 0.75;
    }
    for (FamilySpeedTerms &f : t.families)
        f.compute = f.memory = 1;
    t.fp8Share = 0.85;
    t.fp4Share = 0.7;
    t.network = 0.75;
    return t;
}

const EngineSpeedTerms &SpeedTable::engine(const std::string &id) const
{
    const auto found = std::find_if(engines.begin(), engines.end(), [&](const auto &e) { return e.engine == id; });
    return found != engines.end() ? *found : engines.front();
}

const FamilySpeedTerms &SpeedTable::family(GpuFamily f) const
{
    static const FamilySpeedTerms neutral;
    const auto found = std::find_if(families.begin(), families.end(), [&](const auto &x) { return x.family == f; });
    return found != families.end() ? *found : neutral;
}

const SpeedTable &shippedSpeedTable()
{
    static const SpeedTable table = makeShippedTable();
    return table;
}

Efficiency tableEfficiency(const SpeedTable &table, const EngineProfile &engine, const GpuSpec &gpu)
{
    const EngineSpeedTerms &terms = table.engine(engine.id);
    const FamilySpeedTerms &family = table.family(gpuFamily(gpu));
    Efficiency e;
    e.compute = std::min(1.0, terms.compute * family.compute);
    e.memory = std::min(1.0, terms.memory * family.memory * (gpu.hasHighBandwidthMemory() ? terms.hbmMemory : 1.0));
    e.network = table.network;
    e.gemmHalfTokens = terms.gemmHalfTokens;
    e.attention = std::min(1.0, terms.attention * family.compute);
    e.fp8Share = table.fp8Share;
    e.fp4Share = table.fp4Share;
    e.stepSeconds = terms.stepSeconds;
    e.sequenceSeconds = terms.sequenceSeconds;
    e.layerSeconds = terms.layerSeconds;
    e.requestSeconds = terms.requestSeconds;
    return e;
}

Efficiency scaledForTime(const Efficiency &nominal, double timeFactor)
{
    // Every term of a step's time scales with 1 / a share or with a host
    // time, so dividing the shares and multiplying the times by the factor
    // scales the estimate by it (up to a share's ceiling of 1).
    Efficiency e = nominal;
    e.compute = std::min(1.0, nominal.compute / timeFactor);
    e.memory = std::min(1.0, nominal.memory / timeFactor);
    e.network = std::min(1.0, nominal.network / timeFactor);
    e.attention = std::min(1.0, nominal.attention / timeFactor);
    e.stepSeconds = nominal.stepSeconds * timeFactor;
    e.sequenceSeconds = nominal.sequenceSeconds * timeFactor;
    e.layerSeconds = nominal.layerSeconds * timeFactor;
    e.requestSeconds = nominal.requestSeconds * timeFactor;
    return e;
}

} // namespace planner
