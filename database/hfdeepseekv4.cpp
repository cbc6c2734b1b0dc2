#include "database/hfdeepseekv4.h"

#include "core/model/hybridpattern.h"
#include "database/hfhybridlayers.h"
#include "database/jsonvaluetext.h"

#include <QJsonArray>

namespace planner {

namespace {

// compress_ratios: one entry per main layer and then one per MTP block. 0 is
// a layer with its window only (S), 4 the indexed 4:1 layers (X), and one
// larger ratio the heavily compressed layers (H). The MTP blocks must be 0,
// the only kind model.py builds them as.
void readCompressRatios(ConfigReader &reader, ModelSpec &spec, CompressedAttentionSpec &attention)
{
    const QJsonValue value = reader.value("compress_ratios");
    const QJsonArray ratios = value.toArray();
    if (!value.isArray() || ratios.size() < spec.numLayers) {
        reader.fail("compress_ratios", QStringLiteral("must list one ratio per layer (%1, then one per MTP block), "
                                                      "got %2")
                                           .arg(spec.numLayers)
                                           .arg(describeJsonValue(value)));
        return;
    }
    std::string letters;
    for (qsizetype layer = 0; layer < ratios.size(); ++layer) {
        const QJsonValue entry = ratios[layer];
        const double ratio = entry.toDouble(-1);
        const bool mtp = layer >= spec.numLayers;
        // The range is checked before the cast: casting an out-of-range double is undefined.
        if (!entry.isDouble() || ratio < 0 || ratio > 1e6
            || ratio != static_cast<double>(static_cast<std::int64_t>(ratio)) || (mtp && ratio != 0)) {
            reader.fail("compress_ratios",
                        QStringLiteral("entry %1 is %2; each must be a whole number >= 0, and 0 for the MTP blocks "
                                       "after the %3 layers")
                            .arg(layer)
                            .arg(describeJsonValue(entry))
                            .arg(spec.numLayers));
            return;
        }
        if (mtp)
            continue;
        const auto r = static_cast<std::int64_t>(ratio);
        if (r == 0) {
            letters += static_cast<char>(LayerAttention::SlidingWindow);
        } else if (r == CompressedAttentionSpec::kSparseRatio) {
            letters += static_cast<char>(LayerAttention::CompressedSparse);
        } else if (attention.heavyRatio == 0 || attention.heavyRatio == r) {
            attention.heavyRatio = r;
            letters += static_cast<char>(LayerAttention::HeavilyCompressed);
        } else {
            reader.fail("compress_ratios", QStringLiteral("names the ratios %1 and %2 besides 0 and 4; one other "
                                                          "ratio is supported")
                                               .arg(attention.heavyRatio)
                                               .arg(r));
            return;
        }
    }
    spec.layerPattern = shortestPeriod(letters);
}

} // namespace

void readDeepseekV4Attention(ConfigReader &reader, ModelSpec &spec)
{
    // model.py: one key-value head shared by every query head.
    spec.numKeyValueHeads = reader.count("num_key_value_heads");
    if (spec.numKeyValueHeads != 1 && spec.numKeyValueHeads != 0)
        reader.fail("num_key_value_heads",
                    QStringLiteral("is %1; DeepSeek-V4's attention has one key-value head").arg(spec.numKeyValueHeads));
    spec.headDim = reader.count("head_dim");
    if (reader.flag("attention_bias", false))
        reader.fail("attention_bias", QStringLiteral("is true; DeepSeek-V4's attention has no biases"));
    CompressedAttentionSpec attention;
    attention.queryRank = reader.count("q_lora_rank");
    attention.ropeHeadDim = reader.count("qk_rope_head_dim");
    attention.outputGroups = reader.count("o_groups");
    attention.outputRank = reader.count("o_lora_rank");
    spec.slidingWindow = reader.count("sliding_window");
    spec.hyperConnections = reader.count("hc_mult");
    readCompressRatios(reader, spec, attention);
    if (spec.layerPattern.find(static_cast<char>(LayerAttention::CompressedSparse)) != std::string::npos)
        readSparseAttention(reader, spec);
    spec.compressedAttention = attention;
}

void readDeepseekV4Moe(ConfigReader &reader, ModelSpec &spec)
{
    MoeSpec moe;
    moe.routedExperts = reader.count("n_routed_experts");
    moe.sharedExperts = reader.count("n_shared_experts");
    if (moe.sharedExperts != 1)
        reader.fail("n_shared_experts", QStringLiteral("is %1; DeepSeek-V4's model.py builds exactly one shared "
                                                       "expert")
                                            .arg(moe.sharedExperts));
    moe.expertsPerToken = reader.count("num_experts_per_tok");
    moe.expertIntermediateSize = reader.count("moe_intermediate_size");
    // Every layer is MoE; the scored ones (after the hash layers) keep a
    // score-correction bias per expert (Gate.bias, topk_method noaux_tc).
    const QString method = reader.text("topk_method", false);
    if (!method.isEmpty() && method != QLatin1StringView("noaux_tc"))
        reader.fail("topk_method", QStringLiteral("is '%1'; DeepSeek-V4 routes with noaux_tc").arg(method));
    moe.routerScoreBias = true;
    spec.moe = moe;
    spec.intermediateSize = 0;
    if (spec.compressedAttention)
        spec.compressedAttention->hashLayers = reader.optionalCount("num_hash_layers", 0).value_or(0);
    // The MTP blocks read the main model's embedding and head (model.py:
    // mtp[-1].embed = self.embed); the checkpoint stores no copy.
    spec.mtpLayers = reader.optionalCount("num_nextn_predict_layers", 0).value_or(0);
    spec.mtpSharesEmbeddings = true;
}

std::string readDeepseekV4CheckpointFormat(ConfigReader &reader, const std::string &quantizedFormat)
{
    if (quantizedFormat != "fp8-block")
        return quantizedFormat; // a re-quantized checkpoint states its own format
    const QString experts = reader.text("expert_dtype", false);
    if (experts.isEmpty() || experts == QLatin1StringView("fp8"))
        return quantizedFormat;
    if (experts == QLatin1StringView("fp4"))
        return "fp8-block-fp4-experts";
    reader.fail("expert_dtype", QStringLiteral("is '%1'; supported: fp4, fp8").arg(experts));
    return {};
}

} // namespace planner
