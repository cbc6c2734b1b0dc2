#include "core/memory/cacheexplanation.h"
#include "core/util/text.h"

#include <cmath>
#include <string>

namespace planner {

namespace {

std::string count(std::int64_t n)
{
    return std::to_string(n);
}

// Whole bytes with thousands separators: "78,324".
std::string bytesText(double bytes)
{
    const std::string digits = std::to_string(static_cast<long long>(std::llround(bytes)));
    std::string grouped;
    for (size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0)
            grouped += ',';
        grouped += digits[i];
    }
    return grouped;
}

std::string megabytes(double bytes)
{
    return plainNumber(std::round(bytes / 1e5) / 10); // MB (10^6 bytes), one decimal
}

// DeepSeek-V4: a window in every layer, compressed entries that grow, the
// indexer's keys among them, and the compressors' fixed pooling state.
std::vector<Message> explainCompressedCache(const ModelSpec &model, const InferenceMemoryEstimate &e)
{
    const LayerAttentionCounts &layers = e.stage.mixers;
    std::vector<Message> notes;
    const double windowBytes = units::inBytes(e.kvPerToken) - units::inBytes(e.kvPerTokenFullLayers);
    notes.push_back({QT_TRANSLATE_NOOP("Core", "%1 layers on this GPU keep their last %2 tokens: %3 bytes per token "
                                               "of the window"),
                     {count(layers.softmax()), count(model.slidingWindow), bytesText(windowBytes)}});
    if (layers.compressed() > 0)
        notes.push_back({QT_TRANSLATE_NOOP("Core", "%1 of them add one entry per %2 tokens and %3 one per %4 tokens: "
                                                   "%5 bytes per token of context"),
                         {count(layers.compressedSparse), count(CompressedAttentionSpec::kSparseRatio),
                          count(layers.heavilyCompressed), count(model.compressedAttention->heavyRatio),
                          bytesText(units::inBytes(e.kvPerTokenFullLayers))}});
    if (model.sparseAttention && units::inBytes(e.indexerPerToken) > 0)
        notes.push_back({QT_TRANSLATE_NOOP("Core", "%1 of those bytes are the indexer's keys; the %2:1 layers attend "
                                                   "to the top %3 entries"),
                         {bytesText(units::inBytes(e.indexerPerToken)), count(CompressedAttentionSpec::kSparseRatio),
                          count(model.sparseAttention->topK)}});
    if (units::inBytes(e.statePerSequence) > 0)
        notes.push_back({QT_TRANSLATE_NOOP("Core", "the compressors hold %1 MB per sequence while they pool, whatever "
                                                   "its length"),
                         {megabytes(units::inBytes(e.statePerSequence))}});
    return notes;
}

} // namespace

std::vector<Message> explainCache(const ModelSpec &model, const InferenceMemoryEstimate &e)
{
    std::vector<Message> notes;
    if (model.encoder)
        return {{QT_TRANSLATE_NOOP("Core", "encoder-only: keys and values live only within one forward pass, so "
                                           "nothing is cached between requests"),
                 {}}};
    const LayerAttentionCounts &layers = e.stage.mixers;
    if (model.compressedAttention)
        return explainCompressedCache(model, e);
    if (layers.softmax() > 0)
        notes.push_back({QT_TRANSLATE_NOOP("Core", "%1 layers on this GPU keep a KV cache: %2 bytes per token"),
                         {count(layers.softmax()), bytesText(units::inBytes(e.kvPerToken))}});
    if (layers.slidingWindow > 0)
        notes.push_back({QT_TRANSLATE_NOOP("Core", "%1 of them slide a window and keep at most %2 tokens"),
                         {count(layers.slidingWindow), count(model.slidingWindow)}});
    if (layers.chunked > 0)
        notes.push_back({QT_TRANSLATE_NOOP("Core", "%1 of them attend in chunks and keep at most %2 tokens"),
                         {count(layers.chunked), count(model.attentionChunk)}});
    if (model.sparseAttention && units::inBytes(e.indexerPerToken) > 0)
        notes.push_back({QT_TRANSLATE_NOOP("Core", "%1 of those bytes are sparse attention's index keys; attention "
                                                   "reads only the top %2 tokens"),
                         {bytesText(units::inBytes(e.indexerPerToken)), count(model.sparseAttention->topK)}});
    const std::string state = megabytes(units::inBytes(e.statePerSequence));
    if (layers.linear > 0 && layers.stateSpace == 0)
        notes.push_back({QT_TRANSLATE_NOOP("Core", "%1 linear-attention layers keep %2 MB of state per sequence, "
                                                   "whatever its length"),
                         {count(layers.linear), state}});
    else if (layers.stateSpace > 0 && layers.linear == 0)
        notes.push_back({QT_TRANSLATE_NOOP("Core", "%1 Mamba-2 layers keep %2 MB of state per sequence, whatever "
                                                   "its length"),
                         {count(layers.stateSpace), state}});
    else if (layers.recurrent() > 0)
        notes.push_back({QT_TRANSLATE_NOOP("Core", "%1 linear-attention and Mamba layers keep %2 MB of state per "
                                                   "sequence, whatever its length"),
                         {count(layers.recurrent()), state}});
    return notes;
}

} // namespace planner
