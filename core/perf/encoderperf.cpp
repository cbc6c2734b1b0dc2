#include "core/perf/encoderperf.h"

#include <algorithm>
#include <string>

namespace planner {

namespace {

// TensorRT BERT passes, fitted with `calibrate` (coordinate search on the
// squared log error) to four rows of five of NVIDIA's demo/BERT tables:
// tests/fixtures/measurements/bert-tensorrt, checked with the held-out fifth
// in tests/database/test_encodercalibration. The T4 (70 W) sustains a third
// of its datasheet FP16/INT8 peak; the memory fraction stands in for the
// fixed cost of small passes.
struct EncoderFit {
    const char *gpuId;
    Efficiency nominal;
};
constexpr Efficiency encoderShares(double compute, double memory)
{
    Efficiency e;
    e.compute = compute;
    e.memory = memory;
    return e;
}
constexpr EncoderFit kTensorRtBertFits[] = {
    {"t4", encoderShares(0.330, 0.302)},
    {"l4", encoderShares(0.409, 0.602)},
    {"l40s", encoderShares(0.482, 0.366)},
};

} // namespace

Message encoderOnlyMessage(const ModelSpec &model)
{
    return {QT_TRANSLATE_NOOP("Core", "%1 is encoder-only: a request is one forward pass with no output tokens, so "
                                      "generation estimates do not apply; 'llm-planner-cli perf' gives its requests "
                                      "per second batch by batch"),
            {model.displayName}};
}

EfficiencyRange encoderEfficiency(const PerfRequest &request)
{
    EfficiencyRange range = efficiencyRange(request);
    if (request.efficiency || request.deployment.engine.id != "tensorrt-llm")
        return range;
    for (const EncoderFit &fit : kTensorRtBertFits) {
        if (request.deployment.gpu.id != fit.gpuId)
            continue;
        // The spread the held-out rows leave: about 15 % either way.
        const auto scaled = [&fit](double f) {
            Efficiency e = fit.nominal;
            e.compute = std::min(1.0, fit.nominal.compute * f);
            e.memory = std::min(1.0, fit.nominal.memory * f);
            return e;
        };
        range.nominal = fit.nominal;
        range.pessimistic = scaled(0.85);
        range.optimistic = scaled(1.15);
        range.source = "TensorRT BERT passes on this GPU: compute and memory fractions fitted to NVIDIA's published "
                       "demo/BERT tables (tests/fixtures/measurements/bert-tensorrt), range +-15 %";
        return range;
    }
    return range;
}

std::vector<Problem> validateEncoder(const PerfRequest &request, std::int64_t sequenceTokens, std::int64_t largestBatch)
{
    ProblemList problems("invalid-request");
    const ModelSpec &model = request.deployment.model;
    if (!model.encoder)
        problems.add("model",
                     QT_TRANSLATE_NOOP("Core", "%1 generates text: its speed is time to first token and per output "
                                               "token, not an encoder's requests per pass"),
                     {model.displayName});
    if (sequenceTokens < 1)
        problems.add("input-len", QT_TRANSLATE_NOOP("Core", "input length must be at least 1 token, got %1"),
                     {std::to_string(sequenceTokens)});
    else if (model.encoder && sequenceTokens > model.maxContext)
        problems.add("input-len", QT_TRANSLATE_NOOP("Core", "input length %1 exceeds the model's %2 learned positions"),
                     {std::to_string(sequenceTokens), std::to_string(model.maxContext)});
    if (largestBatch < 1)
        problems.add("concurrency", QT_TRANSLATE_NOOP("Core", "concurrency must be at least 1, got %1"),
                     {std::to_string(largestBatch)});
    if (!problems.empty())
        return problems.take();
    PerfRequest sized = request;
    sized.inputTokens = sequenceTokens;
    sized.outputTokens = 0; // one pass, no decode
    sized.concurrency = largestBatch;
    return validate(sized);
}

units::Seconds encoderPassTime(const PerfRequest &request, std::int64_t sequenceTokens, std::int64_t batch,
                               const Efficiency &efficiency)
{
    PerfRequest r = request;
    r.inputTokens = sequenceTokens;
    r.outputTokens = 0;
    // TensorRT runs an encoder's attention in fused kernels beside its GEMMs
    // and as one engine: one compute share covers both, with no host time.
    Efficiency e = efficiency;
    e.attention = e.compute;
    e.stepSeconds = e.sequenceSeconds = e.layerSeconds = e.requestSeconds = 0;
    const int replicas = StepCostModel(r, e, sequenceTokens, 1).replicas();
    const StepCostModel model(r, e, sequenceTokens, batch * replicas);
    if (!model.shape().memory.fits)
        return units::seconds(0);
    return model.prefill(static_cast<double>(batch), sequenceTokens).time;
}

EncoderEstimate estimateEncoder(const PerfRequest &request, std::int64_t sequenceTokens, std::int64_t largestBatch)
{
    EncoderEstimate estimate;
    if (!validateEncoder(request, sequenceTokens, largestBatch).empty())
        return estimate;
    PerfRequest r = request;
    r.inputTokens = sequenceTokens;
    r.outputTokens = 0;
    const EfficiencyRange range = encoderEfficiency(r);
    estimate.replicas = StepCostModel(r, range.nominal, sequenceTokens, 1).replicas();
    const double replicas = estimate.replicas;

    std::vector<std::int64_t> batches;
    for (std::int64_t b = 1; b < largestBatch; b *= 2)
        batches.push_back(b);
    batches.push_back(largestBatch);
    for (const std::int64_t batch : batches) {
        EncoderBatchPoint point;
        point.batch = batch;
        const std::int64_t held = batch * estimate.replicas;
        const StepCostModel nominal(r, range.nominal, sequenceTokens, held);
        point.fits = nominal.shape().memory.fits;
        if (point.fits) {
            const auto pass = [&](const Efficiency &e) {
                return StepCostModel(r, e, sequenceTokens, held).prefill(static_cast<double>(batch), sequenceTokens);
            };
            const StepCost middle = nominal.prefill(static_cast<double>(batch), sequenceTokens);
            point.latency = middle.time;
            point.bound = middle.bound;
            point.latencyFastest = pass(range.optimistic).time;
            point.latencySlowest = pass(range.pessimistic).time;
            const auto rate = [&](units::Seconds t) {
                const double seconds = units::inSeconds(t);
                return seconds > 0 ? replicas * static_cast<double>(batch) / seconds : 0.0;
            };
            point.requestsPerSecond = rate(point.latency);
            point.requestsPerSecondLow = rate(point.latencySlowest);
            point.requestsPerSecondHigh = rate(point.latencyFastest);
        }
        estimate.points.push_back(point);
    }
    return estimate;
}

} // namespace planner
