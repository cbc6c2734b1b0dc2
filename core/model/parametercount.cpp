#include "core/model/parametercount.h"

#include <algorithm>

namespace planner {

namespace {

std::int64_t mlpParameters(const ModelSpec &spec, std::int64_t width)
{
    const std::int64_t matrices = spec.gatedMlp ? 3 : 2;
    return matrices * spec.hiddenSize * width;
}

// One hidden-width norm: a LayerNorm with bias holds twice an RMSNorm's values.
std::int64_t hiddenNorm(const ModelSpec &spec)
{
    return spec.normBias ? 2 * spec.hiddenSize : spec.hiddenSize;
}

// mHC's mixing of the residual copies around one block (DeepSeek-V4's
// hc_*_fn, hc_*_base and hc_*_scale): (2 + n)·n mixing weights read from all
// n copies, their biases and three scales.
std::int64_t hyperConnectionMix(const ModelSpec &spec)
{
    const std::int64_t n = spec.hyperConnections;
    if (n <= 0)
        return 0;
    const std::int64_t mix = (2 + n) * n;
    return mix * n * spec.hiddenSize + mix + 3;
}

// The head's merge of the residual copies (hc_head_fn, hc_head_base, hc_head_scale).
std::int64_t hyperConnectionHead(const ModelSpec &spec)
{
    const std::int64_t n = spec.hyperConnections;
    return n > 0 ? n * n * spec.hiddenSize + n + 1 : 0;
}

// DeepSeek-V4's attention (model.py Attention): wq_a -> q_norm -> wq_b; one
// key-value head from wkv with kv_norm; a sink logit per head; the grouped
// low-rank output wo_a (per group) and wo_b. derivations/deepseek-v4.md.
void addCompressedAttention(const ModelSpec &spec, LayerParameters &layer)
{
    const CompressedAttentionSpec &c = *spec.compressedAttention;
    const std::int64_t h = spec.hiddenSize;
    const std::int64_t heads = spec.numHeads;
    layer.attentionReplicated += c.queryRank * h + spec.headDim * h; // wq_a, wkv
    layer.attentionSharded += heads * spec.headDim * c.queryRank     // wq_b
                              + c.outputRank * heads * spec.headDim  // wo_a
                              + h * c.outputGroups * c.outputRank;   // wo_b
    layer.attentionOther += heads;                                   // attn_sink
    layer.norms += c.queryRank + spec.headDim;                       // q_norm, kv_norm
}

// A compressor pooling every `ratio` tokens into one entry of `width`
// (model.py Compressor): a learned position bias ape, wkv and wgate, a norm;
// ratio 4 runs two overlapping heads.
void addCompressor(const ModelSpec &spec, std::int64_t ratio, std::int64_t width, LayerParameters &layer)
{
    const std::int64_t heads = ratio == CompressedAttentionSpec::kSparseRatio ? 2 : 1;
    layer.attentionReplicatedOther += ratio * heads * width + 2 * heads * width * spec.hiddenSize;
    layer.norms += width;
}

// An X layer's lightning indexer (model.py Indexer): wq_b from the query
// latent, weights_proj giving each head's weight, and its own 4:1 compressor
// of index_head_dim keys.
void addCompressedIndexer(const ModelSpec &spec, LayerParameters &layer)
{
    const SparseAttentionSpec &d = *spec.sparseAttention;
    layer.attentionReplicated += spec.compressedAttention->queryRank * d.indexHeads * d.indexHeadDim;
    layer.attentionReplicatedOther += d.indexHeads * spec.hiddenSize;
    addCompressor(spec, CompressedAttentionSpec::kSparseRatio, d.indexHeadDim, layer);
}

// Softmax attention (MHA, GQA, MQA or MLA) with its input norm, for a
// full-attention layer (fullLayer) or a sliding-window or chunked one.
LayerParameters attentionMixer(const ModelSpec &spec, bool fullLayer)
{
    LayerParameters layer;
    const std::int64_t h = spec.hiddenSize;
    layer.norms += hiddenNorm(spec); // input_layernorm
    if (spec.sandwichNorms)
        layer.norms += h; // Gemma's post_attention_layernorm on the mixer's output
    if (spec.layerScalar)
        layer.norms += 1;                    // Gemma 4's layer_scalar, a persistent buffer the checkpoint stores
    layer.norms += hyperConnectionMix(spec); // small F32 tensors, every rank holds them
    if (spec.compressedAttention) {
        addCompressedAttention(spec, layer);
        return layer;
    }
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
        if (spec.sparseAttention) {
            // The indexer (vLLM deepseek_v2.py Indexer, replicated on every
            // rank): wq_b from the query latent, wk, a LayerNorm (weight and
            // bias) on its key, and weights_proj giving each head's weight.
            const SparseAttentionSpec &d = *spec.sparseAttention;
            layer.attentionReplicated += m.qLoraRank * d.indexHeads * d.indexHeadDim + h * d.indexHeadDim
                                         + h * d.indexHeads;
            layer.norms += 2 * d.indexHeadDim;
        }
        return layer;
    }
    const AttentionHeads heads = spec.attentionHeads(fullLayer);
    const std::int64_t qWidth = spec.numHeads * heads.headDim;
    const std::int64_t kvWidth = heads.keyValueHeads * heads.headDim;
    // Qwen3-Next's q_proj yields the query and a gate of the same width;
    // Gemma 4's full layers with attention_k_eq_v have no v_proj.
    const std::int64_t qProjection = spec.attentionOutputGate ? 2 * qWidth : qWidth;
    const std::int64_t kvProjections = heads.valuesAreKeys ? 1 : 2;
    layer.attentionSharded += h * qProjection + kvProjections * h * kvWidth + qWidth * h;
    if (spec.attentionQkvBias)
        layer.attentionOther += qWidth + kvProjections * kvWidth;
    if (spec.attentionOutputBias)
        layer.attentionOther += h;
    if (spec.attentionSinks)
        layer.attentionOther += spec.numHeads; // GptOssAttention.sinks: one logit per head
    if (spec.qkNormAcrossHeads)
        layer.norms += qWidth + kvWidth; // MiniMax-M2: q_norm and k_norm over every head at once
    else if (spec.qkNorm)
        layer.norms += 2 * heads.headDim; // q_norm and k_norm, shared by every head
    return layer;
}

// A DeepSeek-V4 layer with compression: the attention, its compressor and,
// at 4:1, the indexer.
LayerParameters compressedMixer(const ModelSpec &spec, LayerAttention kind)
{
    LayerParameters layer;
    if (!spec.compressedAttention)
        return layer;
    layer = attentionMixer(spec, false);
    const bool sparse = kind == LayerAttention::CompressedSparse;
    addCompressor(spec, sparse ? CompressedAttentionSpec::kSparseRatio : spec.compressedAttention->heavyRatio,
                  spec.headDim, layer);
    if (sparse && spec.sparseAttention)
        addCompressedIndexer(spec, layer);
    return layer;
}

// Linear attention with its input norm (see LinearAttentionKind).
LayerParameters linearMixer(const ModelSpec &spec)
{
    LayerParameters layer;
    if (!spec.linearAttention)
        return layer;
    const LinearAttentionSpec &a = *spec.linearAttention;
    const std::int64_t h = spec.hiddenSize;
    layer.norms += h; // input_layernorm
    // Both kinds project q, k, v and an output gate (Gated DeltaNet's z) from
    // the hidden state and the gated values back to it.
    layer.attentionSharded += h * (a.convChannels() + a.valueWidth()) + a.valueWidth() * h;
    switch (a.kind) {
    case LinearAttentionKind::GatedDeltaNet:
        // modeling_qwen3_next.py: in_proj_ba (beta and alpha per value head),
        // conv1d without bias, dt_bias and A_log per value head, and an
        // RMSNormGated over one value head's width.
        layer.attentionSharded += h * 2 * a.valueHeads;
        layer.attentionOther += a.convChannels() * a.convKernel + 2 * a.valueHeads;
        layer.norms += a.valueHeadDim;
        break;
    case LinearAttentionKind::Lightning:
        // MiniMax-M1: one RMSNorm over every head; the decay slopes are buffers.
        layer.norms += a.valueWidth();
        break;
    }
    return layer;
}

// Mamba-2 mixer with its input norm (NemotronHMamba2Mixer): in_proj yields
// z, x, B, C and dt; a depth-wise causal convolution over x, B and C; A_log,
// D and dt_bias per head; a gated RMSNorm over the inner width; out_proj.
LayerParameters stateSpaceMixer(const ModelSpec &spec)
{
    LayerParameters layer;
    if (!spec.stateSpace)
        return layer;
    const StateSpaceSpec &m = *spec.stateSpace;
    const std::int64_t h = spec.hiddenSize;
    layer.norms += h + m.innerWidth();
    const std::int64_t inWidth = m.innerWidth() + m.convChannels() + m.heads;
    layer.attentionSharded += h * inWidth + m.innerWidth() * h;
    if (m.projectionBias)
        layer.attentionOther += inWidth + h;
    layer.attentionOther += m.convChannels() * m.convKernel + (m.convBias ? m.convChannels() : 0) + 3 * m.heads;
    return layer;
}

// A feed-forward block with its input norm (post_attention_layernorm).
LayerParameters feedForwardBlock(const ModelSpec &spec, bool experts)
{
    LayerParameters layer;
    layer.norms += hiddenNorm(spec); // post_attention_layernorm (Gemma: pre_feedforward_layernorm)
    if (spec.sandwichNorms)
        layer.norms += spec.hiddenSize; // Gemma's post_feedforward_layernorm on the block's output
    layer.norms += hyperConnectionMix(spec);
    if (experts && spec.isMoe()) {
        const MoeSpec &m = *spec.moe;
        const std::int64_t matrices = spec.gatedMlp ? 3 : 2;
        const std::int64_t expert = matrices * m.expertInputWidth(spec.hiddenSize) * m.expertIntermediateSize;
        // gpt-oss: gate_up_proj_bias (2 x width) and down_proj_bias (hidden) per expert.
        const std::int64_t bias = m.expertBias ? 2 * m.expertIntermediateSize + spec.hiddenSize : 0;
        layer.routedExperts = m.routedExperts * (expert + bias);
        layer.sharedExperts = mlpParameters(spec, m.sharedWidth());
        // Latent MoE: fc1_latent_proj and fc2_latent_proj run for every token,
        // like the shared expert (derivations/nemotron-3-nano.md).
        if (m.latentSize > 0)
            layer.sharedExperts += 2 * spec.hiddenSize * m.latentSize;
        layer.router = m.routedExperts * spec.hiddenSize + (m.routerScoreBias ? m.routedExperts : 0)
                       + (m.sharedExpertGate ? spec.hiddenSize : 0);
        if (m.denseBesideExperts) {
            // Gemma4TextDecoderLayer: the dense mlp runs beside the experts;
            // pre_feedforward_layernorm_2 and post_feedforward_layernorm_1/_2
            // wrap the two branches, and Gemma4TextRouter holds scale[hidden]
            // and per_expert_scale[experts] besides its projection.
            layer.denseMlp = mlpParameters(spec, spec.intermediateSize);
            layer.norms += 3 * spec.hiddenSize;
            layer.router += spec.hiddenSize + m.routedExperts;
        }
    } else {
        layer.denseMlp = mlpParameters(spec, spec.intermediateSize);
        // BLOOM's dense_h_to_4h and dense_4h_to_h biases (gate and up each, when gated).
        if (spec.mlpBias)
            layer.mlpBias += (spec.gatedMlp ? 2 : 1) * spec.intermediateSize + spec.hiddenSize;
    }
    return layer;
}

} // namespace

LayerParameters &LayerParameters::operator+=(const LayerParameters &o)
{
    attentionSharded += o.attentionSharded;
    attentionReplicated += o.attentionReplicated;
    attentionOther += o.attentionOther;
    attentionReplicatedOther += o.attentionReplicatedOther;
    denseMlp += o.denseMlp;
    mlpBias += o.mlpBias;
    routedExperts += o.routedExperts;
    sharedExperts += o.sharedExperts;
    router += o.router;
    norms += o.norms;
    return *this;
}

LayerParameters LayerParameters::operator*(std::int64_t n) const
{
    LayerParameters p;
    p.attentionSharded = attentionSharded * n;
    p.attentionReplicated = attentionReplicated * n;
    p.attentionOther = attentionOther * n;
    p.attentionReplicatedOther = attentionReplicatedOther * n;
    p.denseMlp = denseMlp * n;
    p.mlpBias = mlpBias * n;
    p.routedExperts = routedExperts * n;
    p.sharedExperts = sharedExperts * n;
    p.router = router * n;
    p.norms = norms * n;
    return p;
}

LayerParameters layerParameters(const ModelSpec &spec, bool moeLayer)
{
    LayerParameters layer = attentionMixer(spec, true);
    layer += feedForwardBlock(spec, moeLayer);
    return layer;
}

ParameterBreakdown countParameters(const ModelSpec &spec)
{
    ParameterBreakdown p;
    const std::int64_t h = spec.hiddenSize;
    p.embedding = spec.vocabSize * h;
    p.head = spec.tiedEmbeddings ? 0 : spec.vocabSize * h;
    // The final norm (none after an encoder's post-norm layers), and the
    // embedding's LayerNorm (BLOOM, BERT) counted with it.
    p.finalNorm = hiddenNorm(spec) * ((spec.encoder ? 0 : 1) + (spec.embeddingNorm ? 1 : 0))
                  + hyperConnectionHead(spec);
    p.vision = spec.visionParameters;
    if (spec.encoder) {
        // BertEmbeddings' position and token-type tables; BertPooler's dense
        // layer (and a sequence classifier over it) as the head; BertForPreTraining's heads apart (the decoder
        // matrix is tied to the word embeddings): derivations/bert.md.
        p.embedding += (spec.maxContext + spec.encoder->tokenTypes) * h;
        p.head = h * h + h + spec.encoder->classifierOutputs * (h + 1);
        if (spec.encoder->pretrainingHeads)
            p.pretrainingHeads = (h * h + h) + 2 * h + spec.vocabSize // transform dense, LayerNorm, bias
                                 + 2 * h + 2;                         // seq_relationship
    }
    p.layers = spec.layersIn(0, spec.numLayers);
    if (p.layers.mixers.softmax() > 0 || spec.mtpLayers > 0) {
        p.attentionMixer = attentionMixer(spec, false);
        p.fullAttentionMixer = attentionMixer(spec, true);
    }
    p.linearMixer = linearMixer(spec);
    p.compressedSparseMixer = compressedMixer(spec, LayerAttention::CompressedSparse);
    p.heavilyCompressedMixer = compressedMixer(spec, LayerAttention::HeavilyCompressed);
    p.stateSpaceMixer = stateSpaceMixer(spec);
    if (p.layers.feedForward.dense > 0 || (spec.mtpLayers > 0 && !spec.isMoe()))
        p.denseBlock = feedForwardBlock(spec, false);
    if (spec.isMoe()) {
        p.moeBlock = feedForwardBlock(spec, true);
        p.expertParameters = p.moeBlock.routedExperts / spec.moe->routedExperts;
        p.expertsPerToken = spec.moe->expertsPerToken;
        if (spec.compressedAttention && spec.moe->routerScoreBias)
            p.unbiasedRouterValues = std::min(spec.compressedAttention->hashLayers, p.layers.feedForward.experts)
                                     * spec.moe->routedExperts;
    }
    if (spec.mtpLayers > 0) {
        // DeepSeek-V3 checkpoint, layer 61: one decoder layer (MoE when the model
        // is), enorm, hnorm, eh_proj (2h -> h), shared_head.norm, and its own copy
        // of embed_tokens and shared_head.head (Qwen3.5 reads the main model's).
        const std::int64_t ownEmbeddings = spec.mtpSharesEmbeddings ? 0 : 2 * spec.vocabSize * h;
        // DeepSeek-V4's MTP block (a layer without compression) has e_proj and
        // h_proj instead of eh_proj, as many values, and merges its residual copies for its head.
        p.mtpModule = layerParameters(spec, spec.isMoe()).total() + 3 * h + 2 * h * h + ownEmbeddings
                      + hyperConnectionHead(spec);
        p.mtpModules = spec.mtpLayers;
    }
    return p;
}

LayerParameters ParameterBreakdown::over(const LayerComposition &c) const
{
    LayerParameters sum = fullAttentionMixer * c.mixers.full;
    sum += attentionMixer * (c.mixers.slidingWindow + c.mixers.chunked);
    sum += linearMixer * c.mixers.linear;
    sum += stateSpaceMixer * c.mixers.stateSpace;
    sum += compressedSparseMixer * c.mixers.compressedSparse;
    sum += heavilyCompressedMixer * c.mixers.heavilyCompressed;
    sum += denseBlock * c.feedForward.dense;
    sum += moeBlock * c.feedForward.experts;
    return sum;
}

std::int64_t ParameterBreakdown::attention() const
{
    const LayerParameters all = allLayers();
    return all.attentionSharded + all.attentionReplicated + all.attentionOther + all.attentionReplicatedOther;
}

std::int64_t ParameterBreakdown::mlp() const
{
    const LayerParameters all = allLayers();
    return all.denseMlp + all.mlpBias + all.sharedExperts;
}

std::int64_t ParameterBreakdown::experts() const
{
    return allLayers().routedExperts;
}

std::int64_t ParameterBreakdown::routers() const
{
    return allLayers().router - unbiasedRouterValues;
}

std::int64_t ParameterBreakdown::norms() const
{
    return allLayers().norms + finalNorm;
}

std::int64_t ParameterBreakdown::total() const
{
    return embedding + head + allLayers().total() + finalNorm - unbiasedRouterValues;
}

std::int64_t ParameterBreakdown::active() const
{
    const std::int64_t idleExperts = layers.feedForward.experts
                                     * (moeBlock.routedExperts - expertsPerToken * expertParameters);
    return total() - idleExperts;
}

} // namespace planner
