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

} // namespace

std::vector<Message> explainCache(const ModelSpec &model, const InferenceMemoryEstimate &e)
{
    std::vector<Message> notes;
    if (model.encoder)
        return {{QT_TRANSLATE_NOOP("Core", "encoder-only: keys and values live only within one forward pass, so "
                                           "nothing is cached between requests"),
                 {}}};
    const LayerAttentionCounts &layers = e.stage.mixers;
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
