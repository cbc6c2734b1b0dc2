#include "core/model/weightbytes.h"

namespace planner {

double layerWeightBytes(const ModelSpec &spec, const LayerParameters &layer, const WeightFormat &format,
                        int tensorParallel, int attentionParallel, int expertParallel)
{
    const double linearBits = format.linearBits(spec);
    double bits = layer.attentionSharded * linearBits / attentionParallel + layer.attentionReplicated * linearBits
                  + layer.attentionBias * format.otherBits / attentionParallel + layer.norms * format.otherBits
                  + layer.denseMlp * linearBits / tensorParallel + layer.sharedExperts * linearBits / tensorParallel
                  + layer.router * format.otherBits;
    if (layer.routedExperts > 0) {
        const double expertBits = format.routedExpertBits(spec);
        if (expertParallel > 1) {
            const std::int64_t experts = spec.moe->routedExperts;
            const std::int64_t perRank = (experts + expertParallel - 1) / expertParallel;
            bits += static_cast<double>(perRank) * static_cast<double>(layer.routedExperts / experts) * expertBits;
        } else {
            bits += layer.routedExperts * expertBits / tensorParallel;
        }
    }
    return bits / 8.0;
}

units::Bytes checkpointBytes(const ModelSpec &spec, const WeightFormat &format, bool includeMtp)
{
    const ParameterBreakdown p = countParameters(spec);
    double bytes = p.denseLayers * layerWeightBytes(spec, p.denseLayer, format, 1, 1, 1)
                   + p.moeLayers * layerWeightBytes(spec, p.moeLayer, format, 1, 1, 1)
                   + (p.embedding * format.embeddingBits + p.head * format.headBits + p.finalNorm * format.otherBits)
                         / 8.0;
    if (includeMtp && p.mtpModules > 0) {
        const LayerParameters &layer = spec.isMoe() ? p.moeLayer : p.denseLayer;
        const double h = static_cast<double>(spec.hiddenSize);
        const double embedding = static_cast<double>(p.embedding);
        const double module = layerWeightBytes(spec, layer, format, 1, 1, 1)
                              + (2 * h * h * format.linearBits(spec) + 3 * h * format.otherBits
                                 + embedding * (format.embeddingBits + format.headBits))
                                    / 8.0;
        bytes += p.mtpModules * module;
    }
    return units::bytes(bytes);
}

} // namespace planner
