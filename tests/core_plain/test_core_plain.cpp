// The engine exercised through its public API in standard C++ only, so that it
// builds, links and runs where Qt is absent (PLANNER_CORE_ONLY). The figures
// are the published ones the Qt Test suites in tests/core check in more depth;
// this suite proves the same engine answers them without Qt on the link line.
// It prints one line per failure and closes with "N passed, M failed".

#include "core/cost/costmodel.h"
#include "core/hardware/gpuspec.h"
#include "core/memory/engineprofile.h"
#include "core/memory/inferencememory.h"
#include "core/model/builtinmodels.h"
#include "core/model/parametercount.h"
#include "core/model/precision.h"
#include "core/perf/perfmodel.h"
#include "core/units/units.h"

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <optional>
#include <stdexcept>
#include <string>

using namespace planner;

namespace {

int passed = 0;
int failed = 0;

void check(bool ok, const std::string &what)
{
    if (ok) {
        ++passed;
    } else {
        ++failed;
        std::printf("FAIL: %s\n", what.c_str());
    }
}

void checkEqual(std::int64_t actual, std::int64_t expected, const std::string &what)
{
    check(actual == expected, what + ": got " + std::to_string(actual) + ", expected " + std::to_string(expected));
}

// Within a relative tolerance; false for NaN.
void checkNear(double actual, double expected, double tolerance, const std::string &what)
{
    check(std::abs(actual - expected) <= tolerance * std::abs(expected),
          what + ": got " + std::to_string(actual) + ", expected " + std::to_string(expected));
}

// A look-up the suite cannot do without: a missing entry means the built-in
// tables changed, which is a failure of its own, not a crash.
template <typename T>
T required(const std::optional<T> &value, const std::string &what)
{
    if (!value)
        throw std::runtime_error(what + " is missing from the built-in tables");
    return *value;
}

InferenceRequest deployment(const std::string &model, const std::string &weights, const std::string &gpu, int gpus)
{
    InferenceRequest r;
    r.model = required(findBuiltinModel(model), "model " + model);
    r.weights = required(findWeightFormat(weights), "weight format " + weights);
    r.kvCache = required(findKvCacheFormat("bf16"), "KV cache format bf16");
    r.engine = required(findEngineProfile("vllm"), "engine vllm");
    r.gpu = required(findBuiltinGpu(gpu), "GPU " + gpu);
    r.gpuCount = gpus;
    r.parallel.tensor = gpus;
    return r;
}

// Published totals (sources in tests/core/test_parametercount.cpp).
void parameterCounts()
{
    const auto total = [](const std::string &id) {
        return countParameters(required(findBuiltinModel(id), "model " + id));
    };
    // HF API safetensors.total of meta-llama/Llama-3.1-8B.
    checkEqual(total("llama-3.1-8b").total(), 8'030'261'248, "Llama-3.1-8B total parameters");
    // keras-hub mixtral_8_7b_en "params"; Mistral's "12.9B active parameters".
    checkEqual(total("mixtral-8x7b").total(), 46'702'792'704, "Mixtral-8x7B total parameters");
    checkEqual(total("mixtral-8x7b").active(), 12'879'925'248, "Mixtral-8x7B active parameters");
    // DeepSeek-V3 main model without its MTP module ("671B").
    checkEqual(total("deepseek-v3").total(), 671'026'419'200, "DeepSeek-V3 total parameters");
}

void inferenceMemory()
{
    // vllm PR #10511: Llama-3-8B BF16 "model weights take 14.96GiB", 0.5 %.
    const InferenceRequest small = deployment("llama-3.1-8b", "bf16", "h200", 1);
    check(validate(small).empty(), "Llama-3.1-8B on one H200 is a valid request");
    const InferenceMemoryEstimate fits = estimateInferenceMemory(small);
    checkNear(units::inGiB(fits.perGpu.weights), 14.96, 0.005, "Llama-3.1-8B BF16 weights (GiB)");
    check(fits.fits, "Llama-3.1-8B BF16 fits one H200");
    check(fits.maxConcurrency >= 1, "Llama-3.1-8B on one H200 holds at least one sequence");

    // 70.6 B parameters x 2 bytes = 141 GB of weights against a 24 GB card.
    const InferenceMemoryEstimate tooBig = estimateInferenceMemory(deployment("llama-3.1-70b", "bf16", "rtx-4090", 1));
    check(!tooBig.fits, "Llama-3.1-70B BF16 does not fit one RTX 4090");
    check(units::inGiB(tooBig.shortfall) > 100, "Llama-3.1-70B on one RTX 4090 misses over 100 GiB");
}

void performance()
{
    PerfRequest request;
    request.deployment = deployment("llama-3.1-8b", "bf16", "h200", 1);
    request.links = singleServerLinks(request.deployment.gpu);
    request.concurrency = 8;
    check(validate(request).empty(), "the performance request is valid");
    const PerfEstimate e = estimatePerformance(request);
    check(e.fits, "the performance estimate fits");
    const auto finitePositive = [](double x) { return std::isfinite(x) && x > 0; };
    check(finitePositive(units::inSeconds(e.nominal.ttft)), "TTFT is positive and finite");
    check(finitePositive(units::inSeconds(e.nominal.tpot)), "TPOT is positive and finite");
    check(finitePositive(e.nominal.outputTokensPerSecond), "output tokens/s is positive and finite");
    check(e.pessimistic.outputTokensPerSecond <= e.nominal.outputTokensPerSecond
              && e.nominal.outputTokensPerSecond <= e.optimistic.outputTokensPerSecond,
          "throughput range is ordered pessimistic <= nominal <= optimistic");
    // Decoding reads every weight once a step: 16 GB at 4.8 TB/s is over 3 ms.
    check(units::inSeconds(e.nominal.tpot) > 0.003, "TPOT is above the time to read the weights once");
}

// tests/core/test_costmodel.cpp works the same build through by hand.
void cost()
{
    OnPremBuild build;
    build.lines = {
        {"rtx-4090", "RTX 4090", 2, 1600.0, 450, "test"},
        {"cpu", "CPU", 1, 500.0, 125, "test"},
        {"ssd", "NVMe SSD", 1, std::nullopt, 0, ""},
    };
    CostAssumptions a;
    a.electricityUsdPerKwh.value = 0.10;
    a.pue.value = 1.5;
    a.averageDrawShare.value = 0.5;
    a.integrationUsdPerServer.value = 1000;
    check(validate(a).empty(), "the cost assumptions are valid");
    const CostEstimate e = onPremCost(build, a, ServedTokens{100, 400});
    checkNear(e.capexUsd, 2 * 1600 + 500 + 1000, 1e-12, "capital (USD)");
    checkEqual(static_cast<std::int64_t>(e.unpricedParts.size()), 1, "unpriced parts");
    // (2 x 450 + 125) W x 0.5 x 1.5 = 0.76875 kW; x 730 h x $0.10.
    checkNear(e.monthlyPowerUsd, 0.76875 * 730 * 0.10, 1e-9, "power (USD a month)");
    check(e.usdPerMillionOutputTokens > 0, "a cost per million output tokens");
    const CostEstimate cloud = cloudCost(2.0, 3, CloudTier::OnDemand, a, {});
    checkNear(cloud.monthlyTotalUsd, 2.0 * 730 * 3, 1e-12, "on-demand cloud (USD a month)");
}

} // namespace

int main()
{
    for (void (*suite)() : {parameterCounts, inferenceMemory, performance, cost}) {
        try {
            suite();
        } catch (const std::exception &e) {
            check(false, e.what());
        }
    }
    std::printf("%d passed, %d failed\n", passed, failed);
    return failed == 0 ? 0 : 1;
}
