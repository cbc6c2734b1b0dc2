#pragma once
// A measured case on one built-in GPU with vLLM, for the calibration and
// speed-table tests.

#include "core/calibrate/calibration.h"
#include "support/enginetestsupport.h"

namespace planner::testing {

inline Measurement measurement(const QString &model, const QString &gpu, const QString &weights, MeasuredMetric metric,
                               std::int64_t input, std::int64_t output, std::int64_t concurrency)
{
    Measurement m;
    m.label = (model + QLatin1Char(' ') + gpu).toStdString();
    m.request.deployment.model = builtinModel(model);
    m.request.deployment.gpu = builtinGpu(gpu);
    m.request.deployment.gpuCount = 1;
    m.request.deployment.weights = weightFormat(weights);
    m.request.deployment.kvCache = kvFormat(QStringLiteral("bf16"));
    m.request.deployment.engine = engineProfile(QStringLiteral("vllm"));
    m.request.deployment.context = input + output;
    m.request.links = singleServerLinks(m.request.deployment.gpu);
    m.request.inputTokens = input;
    m.request.outputTokens = output;
    m.request.concurrency = concurrency;
    m.metric = metric;
    return m;
}

} // namespace planner::testing
