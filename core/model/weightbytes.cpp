#include "core/model/weightbytes.h"

namespace planner {

double layerWeightBytes(const ModelSpec &spec, const LayerParameters &layer, const WeightFormat &format,
                        int tensorParallel, int attentionParallel, int expertParallel)
{
    const double linearBits = format.linearBits(spec);
    double bits = layer.attentionSharded * linearBits / attentionParallel + layer.attentionReplicated * linearBits
                  + layer.attentionOther * format.otherBits / attentionParallel
                  + (layer.attentionReplicatedOther + layer.norms) * format.otherBits
                  + layer.denseMlp * linearBits / tensorParallel + layer.mlpBias * format.otherBits / tensorParallel
                  + layer.sharedExperts * linearBits / tensorParallel + layer.router * format.otherBits;
    if (layer.routedExperts > 0) {
        const double expertBits = format.routedExpertBits(spec);
        if (expertParallel > 1) {
            // Expert parallelism smaller than tensor parallelism (vLLM and
            // TensorRT-LLM's MoE-TP x EP): each group of tp / ep ranks holds
            // its experts split tp / ep ways.
            const std::int64_t experts = spec.moe->routedExperts;
            const std::int64_t perRank = (experts + expertParallel - 1) / expertParallel;
            const double expertTensorParallel = expertParallel < tensorParallel
                                                    ? static_cast<double>(tensorParallel) / expertParallel
                                                    : 1.0;
            bits += static_cast<double>(perRank) * static_cast<double>(layer.routedExperts / experts) * expertBits
                    / expertTensorParallel;
        } else {
            bits += layer.routedExperts * expertBits / tensorParallel;
        }
    }
    return bits / 8.0;
}

units::Bytes checkpointBytes(const ModelSpec &spec, const WeightFormat &format, bool includeMtp)
{
    const ParameterBreakdown p = countParameters(spec);
    double bytes = layerWeightBytes(spec, p.allLayers(), format, 1, 1, 1)
                   + (p.embedding * format.embeddingBits + p.head * format.headBits
                      + (p.finalNorm + p.vision) * format.otherBits)
                         / 8.0;
    if (includeMtp && p.mtpModules > 0) {
        const double h = static_cast<double>(spec.hiddenSize);
        const double embeddings = spec.mtpSharesEmbeddings ? 0.0 : static_cast<double>(p.embedding);
        const double module = layerWeightBytes(spec, layerParameters(spec, spec.isMoe()), format, 1, 1, 1)
                              + (2 * h * h * format.linearBits(spec) + 3 * h * format.otherBits
                                 + embeddings * (format.embeddingBits + format.headBits))
                                    / 8.0;
        bytes += p.mtpModules * module;
    }
    return units::bytes(bytes);
}

} // namespace planner
