#include "core/perf/speedtable.h"

#include "core/perf/perfmodel.h"

#include <algorithm>

namespace planner {

namespace {

SpeedTable makeShippedTable()
{
    SpeedTable t;
    // Fitted by `planner-accuracy --fit` (from priorSpeedTable()) on
    // 2026-12-07 to the 151 fit-set cases of tests/fixtures/measurements/serving
    // without a request rate: robust log loss 0.367 -> 0.231 Columns: compute,
    // memory, HBM and routed-expert shares, GEMM half-saturation rows,
    // attention share; host
    // seconds per step, per sequence, per layer and per request; the range's
    // faster and slower bounds (5th and 95th percentiles of measured / predicted).
    // clang-format off
    t.engines = {
        {"vllm", 0.562, 0.836, 1, 1.02, 82.1, 0.495, 0.00132, 0.00012, 0, 0.0448, 0.701, 2},
        {"sglang", 0.64, 0.611, 1, 0.823, 0, 0.551, 0.00167, 6.4e-05, 0, 0.106, 0.722, 3.58},
        {"tensorrt-llm", 0.633, 0.873, 1, 0.897, 72.1, 0.479, 0.00574, 5.42e-06, 0, 0.0521, 0.618, 1.72},
        {"llama.cpp", 0.424, 0.818, 0.738, 1.07, 24.9, 0.495, 0.00236, 5.19e-06, 0, 0, 0.723, 1.75},
        {"transformers", 0.6, 0.766, 1, 1, 0, 0.5, 0.000427, 0.00074, 0.000574, 0, 0.8, 1.25},
    };
    t.families = {
        {GpuFamily::NvidiaAmpereOrOlder, 1.04, 0.897},
        {GpuFamily::NvidiaAda, 1.03, 1.03},
        {GpuFamily::NvidiaHopper, 1, 1},
        {GpuFamily::NvidiaBlackwell, 0.85, 1.14},
        {GpuFamily::AmdCdna3, 1, 0.755},
        {GpuFamily::AmdCdna4, 1, 1.02},
        {GpuFamily::AmdOther, 0.805, 1.03},
        {GpuFamily::Apple, 1, 1},
        {GpuFamily::Other, 1, 1},
    };
    // clang-format on
    t.fp8Share = 1;
    t.fp4Share = 0.685;
    t.network = 0.797;
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
    t.network = 0.823;
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
    // An engine tuned for consumer cards (llama.cpp) keeps less of an HBM
    // part's compute and bandwidth alike.
    const double hbm = gpu.hasHighBandwidthMemory() ? terms.hbmShare : 1.0;
    e.compute = std::min(1.0, terms.compute * family.compute * hbm);
    e.memory = std::min(1.0, terms.memory * family.memory * hbm);
    e.network = table.network;
    e.gemmHalfTokens = terms.gemmHalfTokens;
    e.attention = std::min(1.0, terms.attention * family.compute * hbm);
    e.expertMemory = terms.expertMemory;
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
