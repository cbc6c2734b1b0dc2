#pragma once
// JSON forms of the engine's specs and estimates, shared by the command-line
// tool (--json), plan files and tests. Byte figures are plain integers of
// bytes; readers convert to GB (1e9) or GiB (2^30) themselves.

#include "core/hardware/gpuspec.h"
#include "core/memory/engineprofile.h"
#include "core/memory/inferencememory.h"
#include "core/memory/trainingmemory.h"
#include "core/model/modelspec.h"
#include "core/model/precision.h"
#include "core/perf/perfmodel.h"
#include "core/perf/trainingtime.h"

#include <QJsonArray>
#include <QJsonObject>

namespace planner {

QJsonObject modelToJson(const ModelSpec &model); // ids, shape and parameter counts
QJsonObject gpuToJson(const GpuSpec &gpu);
QJsonObject weightFormatToJson(const WeightFormat &format, const ModelSpec *model = nullptr);
QJsonObject kvFormatToJson(const KvCacheFormat &format);
QJsonObject engineToJson(const EngineProfile &engine);

QJsonObject inferenceFitToJson(const InferenceRequest &request, const InferenceMemoryEstimate &estimate);
QJsonObject trainingFitToJson(const TrainingRequest &request, const TrainingMemoryEstimate &estimate);

// Seconds and tokens/s: ttft_s, tpot_s, output_tokens_per_s, input_tokens_per_s
// (nominal), their "_low"/"_high" bounds, and the bound of each step.
QJsonObject perfToJson(const PerfRequest &request, const PerfEstimate &estimate);
// {kind, draft_tokens, accepted_tokens}, or null without a draft.
QJsonValue speculativeToJson(const SpeculativeDecoding &speculative);
QJsonArray curveToJson(const std::vector<CurvePoint> &curve);

// tokens_per_s, mfu, days, gpu_hours (nominal) with "_low"/"_high" bounds and
// the step's parts.
QJsonObject trainingRunToJson(const TrainingRunRequest &request, const TrainingRunEstimate &estimate);

} // namespace planner
