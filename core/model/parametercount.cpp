#include "core/model/parametercount.h"

namespace planner {

namespace {

std::int64_t mlpParameters(const ModelSpec &spec, std::int64_t width)
{
    const std::int64_t matrices = spec.gatedMlp ? 3 : 2;
    return matrices * spec.hiddenSize * width;
}

void addAttention(const ModelSpec &spec, LayerParameters &layer)
{
    const std::int64_t h = spec.hiddenSize;
    if (spec.mla) {
        // DeepSeek-V3 modeling code: q_a_proj -> q_a_layernorm -> q_b_proj;
        // kv_a_proj_with_mqa -> kv_a_layernorm -> kv_b_proj; o_proj.
        const MlaSpec &m = *spec.mla;
        const std::int64_t qHeadDim = m.qkNopeHeadDim + m.qkRopeHeadDim;
        if (m.qLoraRank > 0) {
            layer.attentionReplicated += h * m.qLoraRank;
            layer.norms += m.qLoraRank;
            layer.attentionSharded += m.qLoraRank * spec.numHeads * qHeadDim;
        } else {
            layer.attentionSharded += h * spec.numHeads * qHeadDim;
        }
        layer.attentionReplicated += h * (m.kvLoraRank + m.qkRopeHeadDim);
        layer.norms += m.kvLoraRank;
        layer.attentionSharded += m.kvLoraRank * spec.numHeads * (m.qkNopeHeadDim + m.vHeadDim);
        layer.attentionSharded += spec.numHeads * m.vHeadDim * h;
        return;
    }
    const std::int64_t qWidth = spec.numHeads * spec.headDim;
    const std::int64_t kvWidth = spec.numKeyValueHeads * spec.headDim;
    layer.attentionSharded += h * qWidth + 2 * h * kvWidth + qWidth * h;
    if (spec.attentionQkvBias)
        layer.attentionBias += qWidth + 2 * kvWidth;
    if (spec.attentionOutputBias)
        layer.attentionBias += h;
    if (spec.attentionSinks)
        layer.attentionBias += spec.numHeads; // GptOssAttention.sinks: one logit per head
    if (spec.qkNorm)
        layer.norms += 2 * spec.headDim; // q_norm and k_norm, shared by every head
}

std::int64_t sumOverLayers(const ParameterBreakdown &p, std::int64_t LayerParameters::*field)
{
    return p.denseLayer.*field * p.denseLayers + p.moeLayer.*field * p.moeLayers;
}

} // namespace

LayerParameters layerParameters(const ModelSpec &spec, bool moeLayer)
{
    LayerParameters layer;
    addAttention(spec, layer);
    layer.norms += 2 * spec.hiddenSize; // input_layernorm, post_attention_layernorm
    if (moeLayer && spec.isMoe()) {
        const MoeSpec &m = *spec.moe;
        const std::int64_t expert = mlpParameters(spec, m.expertIntermediateSize);
        // gpt-oss: gate_up_proj_bias (2 x width) and down_proj_bias (hidden) per expert.
        const std::int64_t bias = m.expertBias ? 2 * m.expertIntermediateSize + spec.hiddenSize : 0;
        layer.routedExperts = m.routedExperts * (expert + bias);
        layer.sharedExperts = m.sharedExperts * expert;
        layer.router = m.routedExperts * spec.hiddenSize + (m.routerScoreBias ? m.routedExperts : 0);
    } else {
        layer.denseMlp = mlpParameters(spec, spec.intermediateSize);
    }
    return layer;
}

ParameterBreakdown countParameters(const ModelSpec &spec)
{
    ParameterBreakdown p;
    p.embedding = spec.vocabSize * spec.hiddenSize;
    p.head = spec.tiedEmbeddings ? 0 : spec.vocabSize * spec.hiddenSize;
    p.finalNorm = spec.hiddenSize;
    p.moeLayers = spec.moeLayerCount();
    p.denseLayers = spec.numLayers - p.moeLayers;
    if (p.denseLayers > 0)
        p.denseLayer = layerParameters(spec, false);
    if (p.moeLayers > 0) {
        p.moeLayer = layerParameters(spec, true);
        p.expertParameters = p.moeLayer.routedExperts / spec.moe->routedExperts;
        p.expertsPerToken = spec.moe->expertsPerToken;
    }
    if (spec.mtpLayers > 0) {
        // DeepSeek-V3 checkpoint, layer 61: one decoder layer (MoE when the model
        // is), enorm, hnorm, eh_proj (2h -> h), shared_head.norm, and its own copy
        // of embed_tokens and shared_head.head.
        const std::int64_t h = spec.hiddenSize;
        const LayerParameters layer = spec.isMoe() ? p.moeLayer : layerParameters(spec, false);
        p.mtpModule = layer.total() + 3 * h + 2 * h * h + 2 * spec.vocabSize * h;
        p.mtpModules = spec.mtpLayers;
    }
    return p;
}

std::int64_t ParameterBreakdown::attention() const
{
    return sumOverLayers(*this, &LayerParameters::attentionSharded)
           + sumOverLayers(*this, &LayerParameters::attentionReplicated)
           + sumOverLayers(*this, &LayerParameters::attentionBias);
}

std::int64_t ParameterBreakdown::mlp() const
{
    return sumOverLayers(*this, &LayerParameters::denseMlp) + sumOverLayers(*this, &LayerParameters::sharedExperts);
}

std::int64_t ParameterBreakdown::experts() const
{
    return sumOverLayers(*this, &LayerParameters::routedExperts);
}

std::int64_t ParameterBreakdown::routers() const
{
    return sumOverLayers(*this, &LayerParameters::router);
}

std::int64_t ParameterBreakdown::norms() const
{
    return sumOverLayers(*this, &LayerParameters::norms) + finalNorm;
}

std::int64_t ParameterBreakdown::total() const
{
    return embedding + head + attention() + mlp() + experts() + routers() + norms();
}

std::int64_t ParameterBreakdown::active() const
{
    const std::int64_t idleExperts = moeLayers * (moeLayer.routedExperts - expertsPerToken * expertParameters);
    return total() - idleExperts;
}

} // namespace planner
