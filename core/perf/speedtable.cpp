#include "core/perf/speedtable.h"

#include "core/perf/perfmodel.h"

#include <algorithm>

namespace planner {

namespace {

SpeedTable makeShippedTable()
{
    SpeedTable t;
    // Fitted by `planner-accuracy --fit` (from priorSpeedTable()) on
    // 2026-12-06 to the 137 fit-set cases of tests/fixtures/measurements/serving
    // without a request rate: robust log loss 0.379 -> 0.258 Columns: compute,
    // memory and HBM shares, GEMM half-saturation rows, attention share; host
    // seconds per step, per sequence, per layer and per request; the range's
    // faster and slower bounds (5th and 95th percentiles of measured / predicted).
    // clang-format off
    t.engines = {
        {"vllm", 0.562, 0.836, 1, 48.3, 0.495, 0.00127, 0.000141, 0, 0.0457, 0.645, 1.83},
        {"sglang", 0.691, 0.624, 1, 0, 0.534, 0.00169, 9.98e-05, 0, 0.115, 0.303, 3.5},
        {"tensorrt-llm", 0.62, 0.836, 1, 60, 0.479, 0.00338, 8.54e-06, 0, 0.0499, 0.601, 1.44},
        {"llama.cpp", 0.568, 0.766, 0.832, 18.6, 0.5, 0.00269, 0.00017, 0, 0, 0.827, 1.92},
        {"transformers", 0.6, 0.766, 1, 0, 0.5, 0.0001, 0.000756, 0.000587, 0, 0.8, 1.25},
    };
    t.families = {
        {GpuFamily::NvidiaAmpereOrOlder, 0.979, 0.917},
        {GpuFamily::NvidiaAda, 1.04, 1.09},
        {GpuFamily::NvidiaHopper, 1, 1},
        {GpuFamily::NvidiaBlackwell, 0.947, 1.04},
        {GpuFamily::AmdCdna3, 1, 0.755},
        {GpuFamily::AmdCdna4, 1, 1.01},
        {GpuFamily::AmdOther, 1, 1},
        {GpuFamily::Apple, 1, 1},
        {GpuFamily::Other, 1, 1},
    };
    // clang-format on
    t.fp8Share = 1;
    t.fp4Share = 0.656;
    t.network = 0.814;
    t.source = "engine and GPU-family terms fitted to published serving measurements (planner-accuracy --fit, "
               "tests/fixtures/measurements/serving); ranges run from the engine's 5th to 95th percentile of "
               "measured / predicted there";
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
    t.fp8Share = 1;
    t.fp4Share = 0.656;
    t.network = 0.814;
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
