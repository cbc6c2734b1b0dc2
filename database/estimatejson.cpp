#include "database/estimatejson.h"

#include "core/model/parametercount.h"

#include <QJsonArray>
#include <QString>

namespace planner {

namespace {

QString qs(const std::string &text)
{
    return QString::fromStdString(text);
}

QString qs(std::string_view text)
{
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

// Bytes as a whole number: JSON doubles hold integers exactly up to 2^53.
double wholeBytes(units::Bytes b)
{
    return static_cast<double>(static_cast<long long>(units::inBytes(b) + 0.5));
}

QString attentionName(AttentionKind kind)
{
    switch (kind) {
    case AttentionKind::MultiHead: return QStringLiteral("MHA");
    case AttentionKind::GroupedQuery: return QStringLiteral("GQA");
    case AttentionKind::MultiQuery: return QStringLiteral("MQA");
    case AttentionKind::MultiHeadLatent: return QStringLiteral("MLA");
    }
    return {};
}

QJsonObject parallelToJson(const Parallelism &p, int replicas)
{
    return QJsonObject{{"tp", p.tensor},
                       {"pp", p.pipeline},
                       {"ep", p.expert},
                       {"dp", replicas},
                       {"dp_attention", p.dataParallelAttention}};
}

} // namespace

QJsonObject modelToJson(const ModelSpec &model)
{
    const ParameterBreakdown p = countParameters(model);
    const QJsonObject breakdown{
        {"embedding", static_cast<double>(p.embedding)}, {"attention", static_cast<double>(p.attention())},
        {"mlp", static_cast<double>(p.mlp())},           {"experts", static_cast<double>(p.experts())},
        {"router", static_cast<double>(p.routers())},    {"norms", static_cast<double>(p.norms())},
        {"head", static_cast<double>(p.head)},
    };
    return QJsonObject{
        {"id", qs(model.id)},
        {"name", qs(model.displayName)},
        {"family", qs(model.family)},
        {"source", qs(model.source)},
        {"checkpoint_format", qs(model.checkpointFormat)},
        {"attention", attentionName(model.attentionKind())},
        {"moe", model.isMoe()},
        {"layers", static_cast<double>(model.numLayers)},
        {"layer_attention", qs(describeLayers(model).text())},
        {"hidden_size", static_cast<double>(model.hiddenSize)},
        {"max_context", static_cast<double>(model.maxContext)},
        {"total_params", static_cast<double>(p.total())},
        {"active_params", static_cast<double>(p.active())},
        {"mtp_params", static_cast<double>(p.mtp())},
        {"vision_params", static_cast<double>(p.vision)},
        {"params_breakdown", breakdown},
    };
}

QJsonObject gpuToJson(const GpuSpec &gpu)
{
    const std::optional<Message> shareNote = gpuMemoryShareNote(gpu);
    return QJsonObject{
        {"id", qs(gpu.id)},
        {"name", qs(gpu.name)},
        {"memory_bytes", wholeBytes(gpu.memory)},
        {"memory_bandwidth_gbps", units::inGBPerSecond(gpu.memoryBandwidth)},
        {"bf16_tflops", units::inTeraflopsPerSecond(gpu.bf16)},
        {"fp8_tflops", units::inTeraflopsPerSecond(gpu.fp8)},
        {"fp4_tflops", units::inTeraflopsPerSecond(gpu.fp4)},
        {"tdp_watts", units::inWatts(gpu.tdp)},
        {"interconnect", qs(gpu.interconnect)},
        {"usable_memory_bytes", wholeBytes(gpu.usableMemory)},
        {"gpu_memory_share", gpu.gpuMemoryShare ? QJsonValue(*gpu.gpuMemoryShare) : QJsonValue()},
        {"memory_share_note", shareNote ? QJsonValue(qs(shareNote->text())) : QJsonValue()},
        {"source", qs(gpu.source)},
    };
}

QJsonObject weightFormatToJson(const WeightFormat &format, const ModelSpec *model)
{
    QJsonObject o{
        {"id", qs(format.id)},          {"name", qs(format.name)},        {"embedding_bits", format.embeddingBits},
        {"head_bits", format.headBits}, {"other_bits", format.otherBits}, {"compute", qs(toString(format.compute))},
        {"source", qs(format.source)},
    };
    if (model)
        o.insert("linear_bits", format.linearBits(*model));
    else if (format.groupSize > 0 || format.mixedLinearBits)
        o.insert("linear_bits", format.mixedLinearBits.value_or(
                                    format.elementBits + (format.scaleBits + format.zeroBits) / format.groupSize));
    return o;
}

QJsonObject kvFormatToJson(const KvCacheFormat &format)
{
    return QJsonObject{{"id", qs(format.id)},
                       {"name", qs(format.name)},
                       {"bits", format.bitsPerElement},
                       {"source", qs(format.source)}};
}

QJsonObject engineToJson(const EngineProfile &engine)
{
    return QJsonObject{
        {"id", qs(engine.id)},
        {"name", qs(engine.name)},
        {"memory_share", engine.memoryShare},
        {"runtime_overhead_bytes", wholeBytes(engine.runtimeOverhead)},
        {"kv_block_tokens", engine.kvBlockTokens},
        {"max_batched_tokens", static_cast<double>(engine.maxBatchedTokens)},
        {"mla_cache", engine.mlaCache == MlaCacheLayout::CompressedLatent ? "compressed-latent" : "expanded"},
        {"source", qs(engine.source)},
    };
}

QJsonObject inferenceFitToJson(const InferenceRequest &r, const InferenceMemoryEstimate &e)
{
    const QJsonObject perGpu{
        {"weights_bytes", wholeBytes(e.perGpu.weights)},
        {"kv_cache_bytes", wholeBytes(e.perGpu.kvCache)},
        {"activation_bytes", wholeBytes(e.perGpu.activations)},
        {"overhead_bytes", wholeBytes(e.perGpu.overhead)},
        {"runtime_overhead_bytes", wholeBytes(e.runtimeOverhead)},
        {"engine_reserve_bytes", wholeBytes(e.engineReserve)},
        {"total_bytes", wholeBytes(e.perGpu.total())},
        {"capacity_bytes", wholeBytes(e.capacity)},
        {"kv_bytes_per_token", wholeBytes(e.kvPerToken)},
        {"indexer_bytes_per_token", wholeBytes(e.indexerPerToken)},
        {"state_bytes_per_sequence", wholeBytes(e.statePerSequence)},
        {"sequences", static_cast<double>(e.sequencesPerGpu)},
    };
    return QJsonObject{
        {"mode", "inference"},
        {"model", modelToJson(r.model)},
        {"gpu", gpuToJson(r.gpu)},
        {"gpus", r.gpuCount},
        {"parallel", parallelToJson(r.parallel, e.dataParallelReplicas)},
        {"weights", weightFormatToJson(r.weights, &r.model)},
        {"kv_cache", kvFormatToJson(r.kvCache)},
        {"engine", engineToJson(r.engine)},
        {"context", static_cast<double>(r.context)},
        {"concurrency", static_cast<double>(r.concurrency)},
        {"per_gpu", perGpu},
        {"fits", e.fits},
        {"shortfall_bytes", wholeBytes(e.shortfall)},
        {"max_concurrency", static_cast<double>(e.maxConcurrency)},
        {"max_context", static_cast<double>(e.maxContext)},
        {"offloaded_layers", e.offloadedLayers},
        {"host_memory_bytes", wholeBytes(e.hostMemory)},
    };
}

QJsonObject trainingFitToJson(const TrainingRequest &r, const TrainingMemoryEstimate &e)
{
    const QJsonObject perGpu{
        {"weights_bytes", wholeBytes(e.weights)},
        {"gradients_bytes", wholeBytes(e.gradients)},
        {"optimizer_bytes", wholeBytes(e.optimizerStates)},
        {"kv_cache_bytes", 0},
        {"activation_bytes", wholeBytes(e.activations)},
        {"overhead_bytes", wholeBytes(e.overhead)},
        {"total_bytes", wholeBytes(e.total())},
        {"capacity_bytes", wholeBytes(e.capacity)},
    };
    return QJsonObject{
        {"mode", qs(toString(r.method))},
        {"model", modelToJson(r.model)},
        {"gpu", gpuToJson(r.gpu)},
        {"gpus", r.gpuCount},
        {"parallel", parallelToJson(r.parallel, e.dataParallelRanks)},
        {"optimizer", qs(toString(r.optimizer))},
        {"optimizer_sharding", qs(toString(r.sharding))},
        {"recompute", qs(toString(r.recompute))},
        {"precision", qs(toString(r.precision))},
        {"context_parallel", r.contextParallel},
        {"virtual_stages", r.virtualStages},
        {"pipeline_schedule", qs(toString(r.schedule))},
        {"lora_rank", r.method == TrainingMethod::Full ? 0 : r.loraRank},
        {"trainable_params", static_cast<double>(e.trainableParameters)},
        {"sequence_length", static_cast<double>(r.sequenceLength)},
        {"micro_batch", static_cast<double>(r.microBatch)},
        {"per_gpu", perGpu},
        {"fits", e.fits},
        {"shortfall_bytes", wholeBytes(e.shortfall)},
        // For training, concurrency is the micro-batch and context the sequence length.
        {"max_concurrency", static_cast<double>(e.maxMicroBatch)},
        {"max_context", static_cast<double>(e.maxSequenceLength)},
    };
}

namespace {

QJsonObject stepToJson(const StepCost &step)
{
    return QJsonObject{
        {"time_s", units::inSeconds(step.time)},     {"compute_s", units::inSeconds(step.compute)},
        {"memory_s", units::inSeconds(step.memory)}, {"communication_s", units::inSeconds(step.communication)},
        {"host_s", units::inSeconds(step.host)},     {"flops", step.flops.value()},
        {"bytes", wholeBytes(step.bytes)},           {"bound", qs(toString(step.bound))},
    };
}

} // namespace

QJsonValue speculativeToJson(const SpeculativeDecoding &spec)
{
    if (spec.kind == DraftKind::None)
        return QJsonValue::Null;
    return QJsonObject{{"kind", qs(toString(spec.kind))},
                       {"draft_tokens", spec.draftTokens},
                       {"accepted_tokens", spec.acceptedTokens}};
}

QJsonObject perfToJson(const PerfRequest &r, const PerfEstimate &e)
{
    // The faster bound of a latency is the optimistic one, of a rate the pessimistic one is lower.
    QJsonObject out{
        {"model", modelToJson(r.deployment.model)},
        {"gpu", gpuToJson(r.deployment.gpu)},
        {"gpus", r.deployment.gpuCount},
        {"weights", weightFormatToJson(r.deployment.weights, &r.deployment.model)},
        {"engine", engineToJson(r.deployment.engine)},
        {"input_len", static_cast<double>(r.inputTokens)},
        {"output_len", static_cast<double>(r.outputTokens)},
        {"concurrency", static_cast<double>(r.concurrency)},
        {"fits", e.fits},
        {"ttft_s", units::inSeconds(e.nominal.ttft)},
        {"ttft_s_low", units::inSeconds(e.optimistic.ttft)},
        {"ttft_s_high", units::inSeconds(e.pessimistic.ttft)},
        {"tpot_s", units::inSeconds(e.nominal.tpot)},
        {"tpot_s_low", units::inSeconds(e.optimistic.tpot)},
        {"tpot_s_high", units::inSeconds(e.pessimistic.tpot)},
        {"output_tokens_per_s", e.nominal.outputTokensPerSecond},
        {"output_tokens_per_s_low", e.pessimistic.outputTokensPerSecond},
        {"output_tokens_per_s_high", e.optimistic.outputTokensPerSecond},
        {"input_tokens_per_s", e.nominal.inputTokensPerSecond},
        {"input_tokens_per_s_low", e.pessimistic.inputTokensPerSecond},
        {"input_tokens_per_s_high", e.optimistic.inputTokensPerSecond},
        {"bound", qs(toString(e.decode.bound))},
        {"prefill", stepToJson(e.prefill)},
        {"decode", stepToJson(e.decode)},
        {"max_concurrency", static_cast<double>(e.maxConcurrency)},
        {"running_sequences", static_cast<double>(e.runningSequences)},
        {"efficiency_source", qs(efficiencyRange(r).source)},
        {"running_sequences", static_cast<double>(e.runningSequences)},
        {"phase", qs(toString(r.phases))},
        {"prefix_hit", r.prefixCacheHitRate},
        {"speculative", speculativeToJson(r.speculative)},
    };
    if (r.phases == ServingPhases::PrefillOnly) {
        // A prefill pool decodes nothing: no time per output token; its
        // tokens/s are requests/s, one first token each.
        for (const char *key : {"tpot_s", "tpot_s_low", "tpot_s_high"})
            out.insert(QLatin1String(key), QJsonValue::Null);
        out.insert(QStringLiteral("requests_per_s"), e.nominal.outputTokensPerSecond);
    }
    if (r.prefillPool) {
        const InferenceRequest &pool = r.prefillPool->deployment;
        out.insert(QStringLiteral("prefill_pool"),
                   QJsonObject{{"gpus", pool.gpuCount},
                               {"tp", pool.parallel.tensor},
                               {"pp", pool.parallel.pipeline},
                               {"ep", pool.parallel.expert},
                               {"dp_attention", pool.parallel.dataParallelAttention},
                               {"concurrency", static_cast<double>(e.prefillPoolConcurrency)},
                               {"kv_transfer_s", units::inSeconds(e.kvTransfer)}});
    }
    return out;
}

QJsonArray curveToJson(const std::vector<CurvePoint> &curve)
{
    QJsonArray array;
    for (const CurvePoint &p : curve)
        array.append(QJsonObject{{"concurrency", static_cast<double>(p.concurrency)},
                                 {"ttft_s", units::inSeconds(p.point.ttft)},
                                 {"tpot_s", units::inSeconds(p.point.tpot)},
                                 {"output_tokens_per_s", p.point.outputTokensPerSecond},
                                 {"input_tokens_per_s", p.point.inputTokensPerSecond}});
    return array;
}

QJsonObject trainingRunToJson(const TrainingRunRequest &r, const TrainingRunEstimate &e)
{
    const auto days = [](const TrainingRunPoint &p) { return p.seconds / 86400.0; };
    return QJsonObject{
        {"mode", qs(toString(r.setup.method))},
        {"model", modelToJson(r.setup.model)},
        {"gpu", gpuToJson(r.setup.gpu)},
        {"gpus", r.setup.gpuCount},
        {"parallel", parallelToJson(r.setup.parallel, e.dataParallelRanks)},
        {"optimizer_sharding", qs(toString(r.setup.sharding))},
        {"recompute", qs(toString(r.setup.recompute))},
        {"precision", qs(toString(r.setup.precision))},
        {"context_parallel", r.setup.contextParallel},
        {"virtual_stages", r.setup.virtualStages},
        {"pipeline_schedule", qs(toString(r.setup.schedule))},
        {"sequence_length", static_cast<double>(r.setup.sequenceLength)},
        {"micro_batch", static_cast<double>(r.setup.microBatch)},
        {"micro_batches_per_step", static_cast<double>(e.microBatchesPerStep)},
        {"tokens", r.tokens},
        {"fits", e.fits},
        {"tokens_per_s", e.nominal.tokensPerSecond},
        {"tokens_per_s_low", e.pessimistic.tokensPerSecond},
        {"tokens_per_s_high", e.optimistic.tokensPerSecond},
        {"mfu", e.nominal.mfu},
        {"mfu_low", e.pessimistic.mfu},
        {"mfu_high", e.optimistic.mfu},
        {"days", days(e.nominal)},
        {"days_low", days(e.optimistic)},
        {"days_high", days(e.pessimistic)},
        {"gpu_hours", e.nominal.gpuHours},
        {"hardware_tflops_per_gpu", e.nominal.hardwareTflopsPerGpu},
        {"model_flops_per_token", e.modelFlopsPerToken},
        {"step_s", e.stepSeconds},
        {"compute_s", e.computeSeconds},
        {"tensor_parallel_s", e.tensorParallelSeconds},
        {"context_parallel_s", e.contextParallelSeconds},
        {"data_parallel_s", e.dataParallelSeconds},
        {"bubble_fraction", e.bubbleFraction},
        {"efficiency_source", qs(shippedTrainingTerms().source)},
    };
}

} // namespace planner
